package io.exflux.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A conversion as the venue settled it.
 *
 * @param fromCurrency what was given
 * @param fromAmount   how much was given
 * @param toCurrency   what was received
 * @param toAmount     how much was received
 * @param rate         units of {@code toCurrency} per unit of {@code fromCurrency}, or {@code null} when not reported
 */
public record Conversion(String fromCurrency, BigDecimal fromAmount, String toCurrency, BigDecimal toAmount,
                         BigDecimal rate) {

    /** Currencies and amounts are required. */
    public Conversion {
        Objects.requireNonNull(fromCurrency, "fromCurrency");
        Objects.requireNonNull(fromAmount, "fromAmount");
        Objects.requireNonNull(toCurrency, "toCurrency");
        Objects.requireNonNull(toAmount, "toAmount");
    }
}
