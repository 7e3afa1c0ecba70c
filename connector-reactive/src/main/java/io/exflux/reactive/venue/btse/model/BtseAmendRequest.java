package io.exflux.reactive.venue.btse.model;

import java.math.BigDecimal;

/**
 * The body of {@code PUT /api/v3.2/order}. The order is named by {@code orderID} or {@code clOrderID} (one of them).
 * For PRICE, SIZE and TRIGGERPRICE {@code value} is the new value; for ALL, {@code orderPrice}, {@code orderSize}
 * and {@code triggerPrice} are (those left {@code null} are not sent).
 */
public record BtseAmendRequest(String symbol, String orderID, String clOrderID, BtseAmendType type, BigDecimal value,
                               BigDecimal orderPrice, BigDecimal orderSize, BigDecimal triggerPrice) {

    /** Changes one value of the order with this id. */
    public static BtseAmendRequest of(String symbol, String orderID, BtseAmendType type, BigDecimal value) {
        return new BtseAmendRequest(symbol, orderID, null, type, value, null, null, null);
    }
}
