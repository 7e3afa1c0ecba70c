package io.exflux.reactive.venue.btse.internal;

import io.exflux.reactive.internal.codec.BoundedDecimals;
import io.exflux.reactive.venue.btse.model.BtseAmendRequest;
import io.exflux.reactive.venue.btse.model.BtseAmendType;
import io.exflux.reactive.venue.btse.model.BtseMarketSummary;
import io.exflux.reactive.venue.btse.model.BtseOrderRequest;
import io.exflux.reactive.venue.btse.model.BtseOrderType;
import io.exflux.reactive.venue.btse.model.BtseTxType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a BTSE order must satisfy before it is sent, each violation a sentence naming the rule: the fields each
 * order type needs, and (with the market's summary) the market's price and size increments and its smallest and
 * largest size. A STOP order needs a stop price (the 2023 document) or a trigger price (BTSE's later document): either
 * is accepted (see {@code docs/venues/btse.md}). Two bounds are ours, as the document states none: numbers of at most
 * {@link BoundedDecimals#MAX_DIGITS} digits on either side of the point (they are sent as plain text, and the market
 * rules divide by them), and a {@code clOrderID} of at most {@link #MAX_CL_ORDER_ID_LENGTH} characters.
 */
public final class BtseOrderChecks {

    /** A PEG order's deviation lies within ±10 percent. */
    public static final BigDecimal MAX_DEVIATION = BigDecimal.TEN;
    /** The longest {@code clOrderID} sent (the document gives no limit; ALP's is the same). */
    public static final int MAX_CL_ORDER_ID_LENGTH = 64;

    private BtseOrderChecks() {
    }

    /** Checks that need no market data. */
    public static List<String> violations(BtseOrderRequest r) {
        List<String> out = new ArrayList<>();
        if (r == null) {
            out.add("order request is null");
            return out;
        }
        if (r.symbol() == null || r.symbol().isBlank()) {
            out.add("symbol is required");
        }
        if (!"BUY".equals(r.side()) && !"SELL".equals(r.side())) {
            out.add("side must be BUY or SELL, was " + r.side());
        }
        if (r.type() == null) {
            out.add("type is required (LIMIT, MARKET, OCO or PEG)");
        }
        int before = out.size();
        bounded(out, "size", r.size(), "price", r.price(), "stopPrice", r.stopPrice(), "triggerPrice",
                r.triggerPrice(), "trailValue", r.trailValue(), "deviation", r.deviation(), "stealth", r.stealth());
        if (out.size() > before) {
            // the market's rules divide by these values
            return out;
        }
        positive(out, "size", r.size(), true);
        if (r.type() == BtseOrderType.LIMIT || r.type() == BtseOrderType.OCO) {
            positive(out, "price", r.price(), true);
        } else {
            positive(out, "price", r.price(), false);
        }
        if (r.type() == BtseOrderType.OCO && !isPositive(r.stopPrice()) && !isPositive(r.triggerPrice())) {
            out.add("an OCO order needs a stopPrice or a triggerPrice");
        }
        if (r.type() == BtseOrderType.PEG) {
            if (r.deviation() == null) {
                out.add("a PEG order needs a deviation");
            }
        }
        if (r.deviation() != null && r.deviation().abs().compareTo(MAX_DEVIATION) > 0) {
            out.add("deviation must lie within -10..10, was " + r.deviation().toPlainString());
        }
        if (r.txType() == BtseTxType.STOP && !isPositive(r.stopPrice()) && !isPositive(r.triggerPrice())) {
            out.add("a STOP order needs a stopPrice (or a triggerPrice)");
        }
        if (r.txType() == BtseTxType.TRIGGER && !isPositive(r.triggerPrice())) {
            out.add("a TRIGGER order needs a triggerPrice");
        }
        notNegative(out, "stopPrice", r.stopPrice());
        notNegative(out, "triggerPrice", r.triggerPrice());
        notNegative(out, "trailValue", r.trailValue());
        if (r.stealth() != null && (r.stealth().signum() <= 0 || r.stealth().compareTo(BigDecimal.valueOf(100)) > 0)) {
            out.add("stealth is a percentage within 0..100, was " + r.stealth().toPlainString());
        }
        if (Boolean.TRUE.equals(r.postOnly()) && r.type() == BtseOrderType.MARKET) {
            out.add("a MARKET order cannot be postOnly");
        }
        clOrderID(out, r.clOrderID());
        return out;
    }

    /** All of {@link #violations(BtseOrderRequest)} plus the market's increments and size limits. */
    public static List<String> violations(BtseOrderRequest r, BtseMarketSummary market) {
        List<String> out = violations(r);
        if (!out.isEmpty() || market == null) {
            return out;
        }
        String name = market.symbol();
        boolean priceIsLimit = r.type() != BtseOrderType.MARKET;
        if (priceIsLimit) {
            increment(out, "price", r.price(), market.minPriceIncrement(), name);
            increment(out, "stopPrice", r.stopPrice(), market.minPriceIncrement(), name);
            increment(out, "triggerPrice", r.triggerPrice(), market.minPriceIncrement(), name);
            if (isPositive(r.price()) && market.minValidPrice() != null
                    && r.price().compareTo(market.minValidPrice()) < 0) {
                out.add("price " + r.price().toPlainString() + " is below the lowest valid price "
                        + market.minValidPrice().stripTrailingZeros().toPlainString() + " of " + name);
            }
        }
        sizeRules(out, r.size(), market);
        return out;
    }

    /** The rules of an amendment: one order named, the value(s) its type needs, and the market's increments. */
    public static List<String> violations(BtseAmendRequest r, BtseMarketSummary market) {
        List<String> out = new ArrayList<>();
        if (r == null) {
            out.add("amend request is null");
            return out;
        }
        if (r.symbol() == null || r.symbol().isBlank()) {
            out.add("symbol is required");
        }
        if ((r.orderID() == null) == (r.clOrderID() == null)) {
            out.add("exactly one of orderID and clOrderID names the order");
        }
        clOrderID(out, r.clOrderID());
        int before = out.size();
        bounded(out, "value", r.value(), "orderPrice", r.orderPrice(), "orderSize", r.orderSize(), "triggerPrice",
                r.triggerPrice());
        if (out.size() > before) {
            // the rules below divide by these values
            return out;
        }
        if (r.type() == null) {
            out.add("type is required (PRICE, SIZE, TRIGGERPRICE or ALL)");
        } else if (r.type() == BtseAmendType.ALL) {
            if (r.orderPrice() == null && r.orderSize() == null && r.triggerPrice() == null) {
                out.add("an ALL amendment needs orderPrice, orderSize or triggerPrice");
            }
            positive(out, "orderPrice", r.orderPrice(), false);
            positive(out, "orderSize", r.orderSize(), false);
            positive(out, "triggerPrice", r.triggerPrice(), false);
        } else {
            positive(out, "value", r.value(), true);
        }
        if (!out.isEmpty() || market == null) {
            return out;
        }
        String name = market.symbol();
        BigDecimal price = r.type() == BtseAmendType.PRICE ? r.value() : r.orderPrice();
        BigDecimal trigger = r.type() == BtseAmendType.TRIGGERPRICE ? r.value() : r.triggerPrice();
        BigDecimal size = r.type() == BtseAmendType.SIZE ? r.value() : r.orderSize();
        increment(out, "price", price, market.minPriceIncrement(), name);
        increment(out, "triggerPrice", trigger, market.minPriceIncrement(), name);
        if (size != null) {
            sizeRules(out, size, market);
        }
        return out;
    }

    private static void sizeRules(List<String> out, BigDecimal size, BtseMarketSummary market) {
        String name = market.symbol();
        increment(out, "size", size, market.minSizeIncrement(), name);
        if (market.minOrderSize() != null && size.compareTo(market.minOrderSize()) < 0) {
            out.add("size " + size.toPlainString() + " is below the minimum order size "
                    + market.minOrderSize().stripTrailingZeros().toPlainString() + " of " + name);
        }
        if (market.maxOrderSize() != null && market.maxOrderSize().signum() > 0
                && size.compareTo(market.maxOrderSize()) > 0) {
            out.add("size " + size.toPlainString() + " is above the maximum order size "
                    + market.maxOrderSize().stripTrailingZeros().toPlainString() + " of " + name);
        }
    }

    private static void increment(List<String> out, String name, BigDecimal value, BigDecimal step, String market) {
        if (value == null || step == null || step.signum() <= 0 || value.signum() <= 0) {
            return;
        }
        if (value.remainder(step).signum() != 0) {
            out.add(name + " " + value.toPlainString() + " is not a multiple of the increment "
                    + step.stripTrailingZeros().toPlainString() + " of " + market);
        }
    }

    /** Names and values in pairs: each value with more digits than are ever sent is a violation. */
    private static void bounded(List<String> out, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String tooLong = BoundedDecimals.tooManyDigits((String) namesAndValues[i],
                    (BigDecimal) namesAndValues[i + 1]);
            if (tooLong != null) {
                out.add(tooLong);
            }
        }
    }

    private static void clOrderID(List<String> out, String clOrderID) {
        if (clOrderID == null) {
            return;
        }
        if (clOrderID.isBlank()) {
            out.add("clOrderID must not be blank");
        } else if (clOrderID.length() > MAX_CL_ORDER_ID_LENGTH) {
            out.add("clOrderID has " + clOrderID.length() + " characters, at most " + MAX_CL_ORDER_ID_LENGTH
                    + " are sent");
        }
    }

    private static boolean isPositive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }

    private static void positive(List<String> out, String name, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                out.add(name + " is required");
            }
        } else if (value.signum() <= 0) {
            out.add(name + " must be positive, was " + value.toPlainString());
        }
    }

    private static void notNegative(List<String> out, String name, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            out.add(name + " must not be negative, was " + value.toPlainString());
        }
    }
}
