package io.exflux.reactive.venue.btse.model;

import io.exflux.api.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One order notification of {@code notificationApiV2} (the account's orders). {@code data} is an object since
 * 2023-08 and was an array before: both are read, one message per order. Numbers are read from JSON numbers or
 * strings; fields the frame leaves out are {@code null}.
 *
 * @param orderId      {@code orderID} (the 2023 example spells it {@code orderId}: both are read)
 * @param type         the order type code as sent ({@code 76} limit, {@code 77} market, {@code 80} peg)
 * @param avgFillPrice {@code avgFillPrice} (the field table spells it {@code avgFilledPrice}: both are read)
 * @param status       the status as sent (a code such as {@code 2}, or a name), kept raw
 * @param maker        whether the order was resting, when said
 */
public record BtseWsOrder(String symbol, String orderId, String side, String type, BigDecimal price, BigDecimal size,
                          BigDecimal originalSize, BigDecimal avgFillPrice, BigDecimal fillSize,
                          BigDecimal remainingSize, String status, String clOrderId, Boolean maker, Boolean stealth,
                          BigDecimal pegPriceDeviation, String timeInForce, String txType, BigDecimal triggerPrice,
                          Instant timestamp) implements BtseWsMessage {

    public BtseWsOrder {
        Objects.requireNonNull(orderId, "orderId");
    }

    /** The order's side, or {@code null} when the text is neither {@code BUY} nor {@code SELL}. */
    public Side orderSide() {
        return BtseWsSides.of(side);
    }
}
