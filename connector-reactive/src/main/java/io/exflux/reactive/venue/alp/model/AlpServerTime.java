package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;

/** {@code GET /time}: the venue's clock ({@code serverTime} in unix seconds). */
public record AlpServerTime(
        @JsonProperty("serverTime") @JsonDeserialize(using = AlpInstantDeserializer.class) Instant serverTime) {
}
