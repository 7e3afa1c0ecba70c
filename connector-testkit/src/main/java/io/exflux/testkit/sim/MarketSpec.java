package io.exflux.testkit.sim;

import io.exflux.api.model.CurrencyPair;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One market of a simulated venue: its pair and the trading rules the matching engine enforces.
 *
 * @param pair            base/quote pair
 * @param pricePrecision  decimal places a price may carry
 * @param amountPrecision decimal places a base amount may carry
 * @param minAmount       smallest base amount of an order
 * @param maxAmount       largest base amount of an order
 * @param minValue        smallest order value in the quote currency (price times amount)
 */
public record MarketSpec(CurrencyPair pair, int pricePrecision, int amountPrecision,
                         BigDecimal minAmount, BigDecimal maxAmount, BigDecimal minValue) {

    public MarketSpec {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(minAmount, "minAmount");
        Objects.requireNonNull(maxAmount, "maxAmount");
        Objects.requireNonNull(minValue, "minValue");
        if (pricePrecision < 0 || amountPrecision < 0) {
            throw new IllegalArgumentException("precision must not be negative");
        }
        if (minAmount.signum() < 0 || maxAmount.compareTo(minAmount) < 0 || minValue.signum() < 0) {
            throw new IllegalArgumentException("invalid limits for " + pair);
        }
    }

    /** A market with the given precisions and limits given as decimal text. */
    public static MarketSpec of(String base, String quote, int pricePrecision, int amountPrecision,
                                String minAmount, String maxAmount, String minValue) {
        return new MarketSpec(CurrencyPair.of(base, quote), pricePrecision, amountPrecision,
                new BigDecimal(minAmount), new BigDecimal(maxAmount), new BigDecimal(minValue));
    }

    /** The smallest price step. */
    public BigDecimal tickSize() {
        return BigDecimal.ONE.movePointLeft(pricePrecision);
    }

    /** The smallest amount step. */
    public BigDecimal lotSize() {
        return BigDecimal.ONE.movePointLeft(amountPrecision);
    }

    /** The base currency code. */
    public String base() {
        return pair.base();
    }

    /** The quote currency code. */
    public String quote() {
        return pair.quote();
    }
}
