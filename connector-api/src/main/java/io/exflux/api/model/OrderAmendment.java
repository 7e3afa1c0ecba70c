package io.exflux.api.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What {@code editOrder} changes on an open order: its new price, amount and trigger price, each {@code null} when it
 * stays. The order is named by its venue id or by the caller's client order id (one of the two). Like
 * {@link OrderRequest}, the record takes any values so that a client reports bad input as a typed error;
 * {@link #violations()} names what is wrong.
 *
 * @param pair          the order's market
 * @param orderId       the venue's order id, or {@code null} when {@code clientOrderId} names the order
 * @param clientOrderId the caller's id of the order, or {@code null}
 * @param price         the new limit price, or {@code null}
 * @param amount        the new amount in base currency, or {@code null}
 * @param triggerPrice  the new trigger (stop) price, or {@code null}
 */
public record OrderAmendment(
        CurrencyPair pair,
        String orderId,
        String clientOrderId,
        BigDecimal price,
        BigDecimal amount,
        BigDecimal triggerPrice) {

    /** A new price for the order with this venue id. */
    public static OrderAmendment price(CurrencyPair pair, String orderId, BigDecimal price) {
        return new OrderAmendment(pair, orderId, null, price, null, null);
    }

    /** A new amount for the order with this venue id. */
    public static OrderAmendment amount(CurrencyPair pair, String orderId, BigDecimal amount) {
        return new OrderAmendment(pair, orderId, null, null, amount, null);
    }

    /** A new trigger price for the order with this venue id. */
    public static OrderAmendment triggerPrice(CurrencyPair pair, String orderId, BigDecimal triggerPrice) {
        return new OrderAmendment(pair, orderId, null, null, null, triggerPrice);
    }

    /** The same change for the order the caller named with this client order id (instead of the venue id). */
    public OrderAmendment byClientOrderId(String id) {
        return new OrderAmendment(pair, null, id, price, amount, triggerPrice);
    }

    /** How many of price, amount and trigger price change. */
    public int changeCount() {
        return (price == null ? 0 : 1) + (amount == null ? 0 : 1) + (triggerPrice == null ? 0 : 1);
    }

    /** What is wrong with this amendment, one sentence per rule broken; empty when nothing is. */
    public List<String> violations() {
        return WalletRequestRules.violations(this);
    }
}
