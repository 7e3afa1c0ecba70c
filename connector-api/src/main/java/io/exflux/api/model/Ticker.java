package io.exflux.api.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A market's summary. Every field but {@code pair} and {@code timestamp} may be {@code null} when
 * the venue does not send it.
 *
 * @param change24h price change over 24 hours as a fraction (0.01 is one per cent), or {@code null}
 */
public record Ticker(
        CurrencyPair pair,
        BigDecimal last,
        BigDecimal bid,
        BigDecimal ask,
        BigDecimal high,
        BigDecimal low,
        BigDecimal open,
        BigDecimal baseVolume,
        BigDecimal quoteVolume,
        BigDecimal change24h,
        Instant timestamp) {

    /** Pair and time are required; every other field may be {@code null} when the venue does not give it. */
    public Ticker {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
