package io.exflux.reactive.venue.v1.model;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code GET /charts/<pair>/<type>/chart}: one candle, {@code time} its opening. */
public record V1Candle(Instant time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                       BigDecimal volume) {
}
