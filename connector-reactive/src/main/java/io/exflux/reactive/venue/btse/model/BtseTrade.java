package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code GET /api/v3.2/trades}: one public trade; {@code side} is the taker's, {@code BUY} or {@code SELL}. */
public record BtseTrade(
        @JsonProperty("price") BigDecimal price,
        @JsonProperty("size") BigDecimal size,
        @JsonProperty("side") String side,
        @JsonProperty("symbol") String symbol,
        @JsonProperty("serialId") Long serialId,
        @JsonProperty("timestamp") @JsonDeserialize(using = BtseMillis.class) Instant timestamp) {
}
