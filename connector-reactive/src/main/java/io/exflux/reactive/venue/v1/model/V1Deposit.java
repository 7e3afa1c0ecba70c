package io.exflux.reactive.venue.v1.model;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code GET /v1/deposits/}. */
public record V1Deposit(long id, String currency, BigDecimal amount, Instant timestamp) {
}
