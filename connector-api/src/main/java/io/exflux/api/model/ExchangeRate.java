package io.exflux.api.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A venue's rate between two currencies: one {@code from} is worth {@code rate} of {@code to}.
 *
 * @param timestamp when the venue stated it, or {@code null} when not reported
 */
public record ExchangeRate(String from, String to, BigDecimal rate, Instant timestamp) {

    /** Currencies and rate are required; the rate is not negative. */
    public ExchangeRate {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Decimals.nonNegative(rate, "rate");
    }
}
