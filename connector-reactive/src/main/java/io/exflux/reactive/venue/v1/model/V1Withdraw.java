package io.exflux.reactive.venue.v1.model;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code GET /v1/withdraws/}; {@code rawStatus} keeps the wire code. */
public record V1Withdraw(long id, String currency, BigDecimal amount, V1WithdrawStatus status, int rawStatus,
                         Instant timestamp) {
}
