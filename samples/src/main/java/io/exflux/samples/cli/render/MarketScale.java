package io.exflux.samples.cli.render;

import io.exflux.api.model.PairInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How one market's numbers print: prices with the market's price decimals, amounts with its amount
 * decimals, whichever way the value arrived (REST answers and stream messages carry different scales
 * for the same price: {@code 65013} and {@code 65013.00}). A value with more decimals than the market
 * has (a mid price between two levels) is rounded half-even for display only.
 *
 * @param priceScale  decimals of a price, or -1 to print prices as they are
 * @param amountScale decimals of an amount, or -1 to print amounts as they are
 */
public record MarketScale(int priceScale, int amountScale) {

    /** For values of no known market (a replayed file): printed as they are, without exponent. */
    public static final MarketScale AS_IS = new MarketScale(-1, -1);

    /** The scales of {@code info}. */
    public static MarketScale of(PairInfo info) {
        return new MarketScale(info.priceScale(), info.amountScale());
    }

    /** A price, or quote-currency value, with the market's price decimals; {@code -} for none. */
    public String price(BigDecimal value) {
        return scaled(value, priceScale);
    }

    /** An amount in base currency with the market's amount decimals; {@code -} for none. */
    public String amount(BigDecimal value) {
        return scaled(value, amountScale);
    }

    /** A fraction as a percentage with two decimals and a sign: {@code 0.0123} is {@code +1.23%}. */
    public static String percent(BigDecimal fraction) {
        if (fraction == null) {
            return "-";
        }
        BigDecimal percent = fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN);
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + "%";
    }

    private static String scaled(BigDecimal value, int scale) {
        if (value == null) {
            return "-";
        }
        return scale < 0 ? value.toPlainString() : value.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }
}
