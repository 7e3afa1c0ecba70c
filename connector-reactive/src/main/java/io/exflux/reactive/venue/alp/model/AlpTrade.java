package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code GET /trades}: one public trade. {@code timestamp} is unix seconds with a microsecond
 * fraction; {@code type} is the taker side in lower case ({@code buy}/{@code sell}).
 */
public record AlpTrade(
        @JsonProperty("id") long id,
        @JsonProperty("price") BigDecimal price,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("timestamp") @JsonDeserialize(using = AlpInstantDeserializer.class) Instant timestamp,
        @JsonProperty("pair") String pair,
        @JsonProperty("type") String type) {
}
