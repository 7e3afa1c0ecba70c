package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** One level of {@code GET /orderbook}. */
public record AlpBookEntry(@JsonProperty("amount") BigDecimal amount, @JsonProperty("price") BigDecimal price) {
}
