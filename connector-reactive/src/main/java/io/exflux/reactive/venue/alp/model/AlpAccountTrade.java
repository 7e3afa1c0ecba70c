package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code GET /accounts/trades}: one execution of the account; {@code side} BUY/SELL; {@code timestamp} float seconds. */
public record AlpAccountTrade(
        @JsonProperty("id") long id,
        @JsonProperty("pair") String pair,
        @JsonProperty("side") String side,
        @JsonProperty("price") BigDecimal price,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("fee") BigDecimal fee,
        @JsonProperty("timestamp") @JsonDeserialize(using = AlpInstantDeserializer.class) Instant timestamp,
        @JsonProperty("order_id") Long orderId) {
}
