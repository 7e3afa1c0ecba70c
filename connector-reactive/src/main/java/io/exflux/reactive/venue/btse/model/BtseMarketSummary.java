package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * {@code GET /api/v3.2/market_summary}: one market with its 24-hour figures and its order rules. {@code volume} is
 * in the quote currency and {@code size} in the base currency (as the document's example shows). The futures-only
 * fields (open interest, funding, contract dates) are left out.
 */
public record BtseMarketSummary(
        @JsonProperty("symbol") String symbol,
        @JsonProperty("last") BigDecimal last,
        @JsonProperty("lowestAsk") BigDecimal lowestAsk,
        @JsonProperty("highestBid") BigDecimal highestBid,
        @JsonProperty("percentageChange") BigDecimal percentageChange,
        @JsonProperty("volume") BigDecimal volume,
        @JsonProperty("high24Hr") BigDecimal high24Hr,
        @JsonProperty("low24Hr") BigDecimal low24Hr,
        @JsonProperty("base") String base,
        @JsonProperty("quote") String quote,
        @JsonProperty("active") Boolean active,
        @JsonProperty("size") BigDecimal size,
        @JsonProperty("minValidPrice") BigDecimal minValidPrice,
        @JsonProperty("minPriceIncrement") BigDecimal minPriceIncrement,
        @JsonProperty("minOrderSize") BigDecimal minOrderSize,
        @JsonProperty("maxOrderSize") BigDecimal maxOrderSize,
        @JsonProperty("minSizeIncrement") BigDecimal minSizeIncrement,
        @JsonProperty("futures") Boolean futures,
        @JsonProperty("isMarketOpenToSpot") Boolean isMarketOpenToSpot,
        @JsonProperty("isMarketOpenToOtc") Boolean isMarketOpenToOtc) {
}
