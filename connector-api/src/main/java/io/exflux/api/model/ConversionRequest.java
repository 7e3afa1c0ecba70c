package io.exflux.api.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A conversion of funds at the venue's rate, outside the order book ({@code convert}). The record takes any values;
 * {@link #violations()} names what is wrong.
 *
 * @param fromCurrency what is given, for example {@code BTC}
 * @param toCurrency   what is received, for example {@code USD}
 * @param amount       how much of {@code fromCurrency}, positive
 */
public record ConversionRequest(String fromCurrency, String toCurrency, BigDecimal amount) {

    /** What is wrong with this request, one sentence per rule broken; empty when nothing is. */
    public List<String> violations() {
        return WalletRequestRules.violations(this);
    }
}
