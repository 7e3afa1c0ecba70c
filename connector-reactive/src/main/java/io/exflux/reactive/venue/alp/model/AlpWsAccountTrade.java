package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A {@code ta} frame (account trade). Its fields are not documented, so the frame is passed on raw. */
public record AlpWsAccountTrade(Instant time, JsonNode raw) implements AlpMessage {
}
