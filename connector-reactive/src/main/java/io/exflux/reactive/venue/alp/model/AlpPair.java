package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * {@code GET /pairs}: one market and its order limits. {@code name} is the symbol, e.g. {@code BTC_USDT}.
 * A precision the answer leaves out (or sends as {@code null}) is {@code null}: unknown, not 0.
 */
public record AlpPair(
        @JsonProperty("name") String name,
        @JsonProperty("currency1") String currency1,
        @JsonProperty("currency2") String currency2,
        @JsonProperty("price_precision") Integer pricePrecision,
        @JsonProperty("amount_precision") Integer amountPrecision,
        @JsonProperty("minimum_order_size") BigDecimal minimumOrderSize,
        @JsonProperty("maximum_order_size") BigDecimal maximumOrderSize,
        @JsonProperty("minimum_order_value") BigDecimal minimumOrderValue) {
}
