package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the answer to placing, amending, cancelling or looking up an order ({@code /api/v3.2/order}): the
 * order and BTSE's numeric {@code status} ({@link #statusCode()}). An OCO placement answers two rows, a cancel of a
 * whole market one per order.
 */
public record BtseOrderResult(
        @JsonProperty("status") Integer status,
        @JsonProperty("symbol") String symbol,
        @JsonProperty("orderType") Integer orderType,
        @JsonProperty("price") BigDecimal price,
        @JsonProperty("side") String side,
        @JsonProperty("size") BigDecimal size,
        @JsonProperty("orderID") @JsonAlias("orderId") String orderID,
        @JsonProperty("timestamp") @JsonDeserialize(using = BtseMillis.class) Instant timestamp,
        @JsonProperty("triggerPrice") BigDecimal triggerPrice,
        @JsonProperty("stopPrice") BigDecimal stopPrice,
        @JsonProperty("trigger") Boolean trigger,
        @JsonProperty("message") String message,
        @JsonProperty("averageFillPrice") BigDecimal averageFillPrice,
        @JsonProperty("fillSize") BigDecimal fillSize,
        @JsonProperty("clOrderID") String clOrderID,
        @JsonProperty("stealth") BigDecimal stealth,
        @JsonProperty("deviation") BigDecimal deviation,
        @JsonProperty("postOnly") Boolean postOnly,
        @JsonProperty("originalSize") BigDecimal originalSize,
        @JsonProperty("remainingSize") BigDecimal remainingSize,
        @JsonProperty("time_in_force") String timeInForce) {

    /** What {@code status} means. */
    public BtseOrderStatusCode statusCode() {
        return status == null ? BtseOrderStatusCode.UNKNOWN : BtseOrderStatusCode.of(status);
    }
}
