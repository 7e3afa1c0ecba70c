package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** {@code GET /api/v3.2/price}: a market's index, last and mark price. */
public record BtsePrice(
        @JsonProperty("symbol") String symbol,
        @JsonProperty("indexPrice") BigDecimal indexPrice,
        @JsonProperty("lastPrice") BigDecimal lastPrice,
        @JsonProperty("markPrice") BigDecimal markPrice) {
}
