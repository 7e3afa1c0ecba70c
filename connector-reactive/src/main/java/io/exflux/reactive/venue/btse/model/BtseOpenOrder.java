package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code GET /api/v3.2/user/open_orders}: one open order. {@code orderType} is the numeric type (76 LIMIT,
 * 77 MARKET, 80 PEG); {@code orderState} is {@code STATUS_ACTIVE} or {@code STATUS_INACTIVE} (a trigger order
 * waiting).
 */
public record BtseOpenOrder(
        @JsonProperty("orderType") Integer orderType,
        @JsonProperty("price") BigDecimal price,
        @JsonProperty("size") BigDecimal size,
        @JsonProperty("side") String side,
        @JsonProperty("orderValue") BigDecimal orderValue,
        @JsonProperty("filledSize") BigDecimal filledSize,
        @JsonProperty("pegPriceMin") BigDecimal pegPriceMin,
        @JsonProperty("pegPriceMax") BigDecimal pegPriceMax,
        @JsonProperty("pegPriceDeviation") BigDecimal pegPriceDeviation,
        @JsonProperty("cancelDuration") Long cancelDuration,
        @JsonProperty("timestamp") @JsonDeserialize(using = BtseMillis.class) Instant timestamp,
        @JsonProperty("orderID") String orderID,
        @JsonProperty("triggerOrder") Boolean triggerOrder,
        @JsonProperty("triggerPrice") BigDecimal triggerPrice,
        @JsonProperty("triggerOriginalPrice") BigDecimal triggerOriginalPrice,
        @JsonProperty("triggerOrderType") Integer triggerOrderType,
        @JsonProperty("triggerTrailingStopDeviation") BigDecimal triggerTrailingStopDeviation,
        @JsonProperty("triggerStopPrice") BigDecimal triggerStopPrice,
        @JsonProperty("symbol") String symbol,
        @JsonProperty("trailValue") BigDecimal trailValue,
        @JsonProperty("averageFillPrice") BigDecimal averageFillPrice,
        @JsonProperty("fillSize") BigDecimal fillSize,
        @JsonProperty("clOrderID") String clOrderID,
        @JsonProperty("orderState") String orderState,
        @JsonProperty("timeInForce") String timeInForce,
        @JsonProperty("triggered") Boolean triggered) {
}
