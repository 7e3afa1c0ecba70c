package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code GET /charts}: one candle; {@code time} is its open time in unix seconds. */
public record AlpCandle(
        @JsonProperty("time") @JsonDeserialize(using = AlpInstantDeserializer.class) Instant time,
        @JsonProperty("open") BigDecimal open,
        @JsonProperty("close") BigDecimal close,
        @JsonProperty("low") BigDecimal low,
        @JsonProperty("high") BigDecimal high,
        @JsonProperty("volume") BigDecimal volume,
        @JsonProperty("quoteVolume") BigDecimal quoteVolume,
        @JsonProperty("tradesCount") Long tradesCount,
        @JsonProperty("takerBuyBaseVolume") BigDecimal takerBuyBaseVolume,
        @JsonProperty("takerBuyQuoteVolume") BigDecimal takerBuyQuoteVolume) {
}
