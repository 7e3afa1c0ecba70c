package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code GET /ticker}: one market's summary. {@code buy} is the best bid, {@code sell} the best ask;
 * {@code diffPercent} is in per cent (0.02 means 0.02 %), see docs/venues/alp.md, drift 23.
 */
public record AlpTicker(
        @JsonProperty("pair") String pair,
        @JsonProperty("last") BigDecimal last,
        @JsonProperty("open") BigDecimal open,
        @JsonProperty("vol") BigDecimal vol,
        @JsonProperty("buy") BigDecimal buy,
        @JsonProperty("sell") BigDecimal sell,
        @JsonProperty("high") BigDecimal high,
        @JsonProperty("low") BigDecimal low,
        @JsonProperty("diff") BigDecimal diff,
        @JsonProperty("diff_percent") BigDecimal diffPercent,
        @JsonProperty("price_precision") Integer pricePrecision,
        @JsonProperty("amount_precision") Integer amountPrecision,
        @JsonProperty("timestamp") @JsonDeserialize(using = AlpInstantDeserializer.class) Instant timestamp) {
}
