package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.databind.JsonNode;

/** A well-formed frame of a type we do not know; passed on rather than failing the stream. */
public record AlpUnknownMessage(String type, JsonNode raw) implements AlpMessage {
}
