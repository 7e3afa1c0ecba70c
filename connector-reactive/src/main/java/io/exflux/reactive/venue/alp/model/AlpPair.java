package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** {@code GET /pairs}: one market and its order limits. {@code name} is the symbol, e.g. {@code BTC_USDT}. */
public record AlpPair(
        @JsonProperty("name") String name,
        @JsonProperty("currency1") String currency1,
        @JsonProperty("currency2") String currency2,
        @JsonProperty("price_precision") int pricePrecision,
        @JsonProperty("amount_precision") int amountPrecision,
        @JsonProperty("minimum_order_size") BigDecimal minimumOrderSize,
        @JsonProperty("maximum_order_size") BigDecimal maximumOrderSize,
        @JsonProperty("minimum_order_value") BigDecimal minimumOrderValue) {
}
