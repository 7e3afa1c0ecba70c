package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /accounts/feeinfo}: one fee rule. {@code activeOnce} is {@code [valid_from, valid_to]} as
 * the venue sent them (ISO-8601 strings, either may be {@code null}); {@code currency} and {@code pair}
 * are ids ({@code null} = every one).
 */
public record AlpFeeInfo(
        @JsonProperty("account_id") Long accountId,
        @JsonProperty("active_once") List<String> activeOnce,
        @JsonProperty("taker_fee_rate") BigDecimal takerFeeRate,
        @JsonProperty("maker_fee_rate") BigDecimal makerFeeRate,
        @JsonProperty("fee_currency") String feeCurrency,
        @JsonProperty("priority") Integer priority,
        @JsonProperty("currency") Long currency,
        @JsonProperty("pair") Long pair,
        @JsonProperty("is_active") Boolean active) {

    public AlpFeeInfo {
        activeOnce = activeOnce == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(activeOnce));
    }
}
