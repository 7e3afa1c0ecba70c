package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code GET /api/v3.2/user/trade_history}: one execution of the account. {@code side} is read in any case (the
 * document lists {@code BUY} and {@code sell}); {@code wallet} is {@code SPOT@} on the spot wallet.
 */
public record BtseUserTrade(
        @JsonProperty("tradeId") String tradeId,
        @JsonProperty("orderId") String orderId,
        @JsonProperty("clOrderID") String clOrderID,
        @JsonProperty("username") String username,
        @JsonProperty("side") String side,
        @JsonProperty("orderType") Integer orderType,
        @JsonProperty("triggerType") Integer triggerType,
        @JsonProperty("price") BigDecimal price,
        @JsonProperty("size") BigDecimal size,
        @JsonProperty("filledPrice") BigDecimal filledPrice,
        @JsonProperty("filledSize") BigDecimal filledSize,
        @JsonProperty("triggerPrice") BigDecimal triggerPrice,
        @JsonProperty("base") String base,
        @JsonProperty("quote") String quote,
        @JsonProperty("symbol") String symbol,
        @JsonProperty("feeCurrency") String feeCurrency,
        @JsonProperty("feeAmount") BigDecimal feeAmount,
        @JsonProperty("wallet") String wallet,
        @JsonProperty("realizedPnl") BigDecimal realizedPnl,
        @JsonProperty("total") BigDecimal total,
        @JsonProperty("serialId") Long serialId,
        @JsonProperty("timestamp") @JsonDeserialize(using = BtseMillis.class) Instant timestamp,
        @JsonProperty("averageFillPrice") BigDecimal averageFillPrice) {
}
