package io.exflux.reactive.venue.btse.model;

import java.math.BigDecimal;

/**
 * The body of {@code POST /api/v3.2/order}: every documented field; {@code null} fields are not sent. The body is
 * written with its keys in alphabetical order, numbers as given ({@code 8500.0} stays {@code 8500.0}), so a request
 * built like the document's example is byte for byte the example. Checked before sending: see
 * {@code BtseRestClient#placeOrder}.
 *
 * @param symbol           the market, {@code BTC-USD}
 * @param size             the amount in base currency
 * @param side             {@code BUY} or {@code SELL}
 * @param type             LIMIT, MARKET, OCO or PEG
 * @param price            the limit price (for a MARKET BUY, the most quote currency to spend)
 * @param timeInForce      one of {@link BtseTimeInForce}
 * @param txType           LIMIT, STOP or TRIGGER
 * @param stopPrice        the stop price of a STOP (and of an OCO's stop leg)
 * @param triggerPrice     the trigger price of a TRIGGER
 * @param trailValue       the trailing distance of a trailing stop
 * @param postOnly         maker only
 * @param clOrderID        the caller's id, echoed by BTSE
 * @param stealth          the percentage of the size shown on the book (iceberg)
 * @param deviation        a PEG order's deviation from the market, −10 to 10 percent
 * @param triggerPriceType {@code INDEX_PRICE} or {@code LAST_PRICE} (added after v3.2)
 */
public record BtseOrderRequest(
        String symbol,
        BigDecimal size,
        String side,
        BtseOrderType type,
        BigDecimal price,
        BtseTimeInForce timeInForce,
        BtseTxType txType,
        BigDecimal stopPrice,
        BigDecimal triggerPrice,
        BigDecimal trailValue,
        Boolean postOnly,
        String clOrderID,
        BigDecimal stealth,
        BigDecimal deviation,
        String triggerPriceType) {

    /** A GTC limit order. */
    public static BtseOrderRequest limit(String symbol, String side, BigDecimal size, BigDecimal price) {
        return new BtseOrderRequest(symbol, size, side, BtseOrderType.LIMIT, price, BtseTimeInForce.GTC,
                BtseTxType.LIMIT, null, null, null, null, null, null, null, null);
    }

    /** A market order of {@code size} base currency. */
    public static BtseOrderRequest market(String symbol, String side, BigDecimal size) {
        return new BtseOrderRequest(symbol, size, side, BtseOrderType.MARKET, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    /** The same with this client order id. */
    public BtseOrderRequest withClOrderID(String value) {
        return new BtseOrderRequest(symbol, size, side, type, price, timeInForce, txType, stopPrice, triggerPrice,
                trailValue, postOnly, value, stealth, deviation, triggerPriceType);
    }

    /** The same with this time in force. */
    public BtseOrderRequest withTimeInForce(BtseTimeInForce value) {
        return new BtseOrderRequest(symbol, size, side, type, price, value, txType, stopPrice, triggerPrice,
                trailValue, postOnly, clOrderID, stealth, deviation, triggerPriceType);
    }

    /** The same as a stop order at this stop price. */
    public BtseOrderRequest withStop(BigDecimal value) {
        return new BtseOrderRequest(symbol, size, side, type, price, timeInForce, BtseTxType.STOP, value,
                triggerPrice, trailValue, postOnly, clOrderID, stealth, deviation, triggerPriceType);
    }

    /** The same as a trigger order at this trigger price. */
    public BtseOrderRequest withTrigger(BigDecimal value) {
        return new BtseOrderRequest(symbol, size, side, type, price, timeInForce, BtseTxType.TRIGGER, stopPrice,
                value, trailValue, postOnly, clOrderID, stealth, deviation, triggerPriceType);
    }

    /** The same, maker only (or not). */
    public BtseOrderRequest withPostOnly(boolean value) {
        return new BtseOrderRequest(symbol, size, side, type, price, timeInForce, txType, stopPrice, triggerPrice,
                trailValue, value, clOrderID, stealth, deviation, triggerPriceType);
    }
}
