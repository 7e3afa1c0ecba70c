package io.exflux.reactive.venue.v1.model;

import java.math.BigDecimal;
import java.time.Instant;

/** An exchange (a trade) of {@code /v1/exchanges/} or {@code /v1/exchanges/own/}. */
public record V1Exchange(long id, String pair, V1Side type, BigDecimal price, BigDecimal amount, Instant timestamp) {
}
