package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code GET /api/v3.2/exchangeRate}: unlike every other endpoint, the value comes wrapped in
 * {@code {code, msg, time, data, success}}. {@code data} is the rate.
 */
public record BtseExchangeRate(
        @JsonProperty("code") Integer code,
        @JsonProperty("msg") String msg,
        @JsonProperty("time") @JsonDeserialize(using = BtseMillis.class) Instant time,
        @JsonProperty("data") BigDecimal data,
        @JsonProperty("success") Boolean success) {
}
