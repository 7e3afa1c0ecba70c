package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * {@code GET /api/v3.2/user/fees}: the account's rates on one market. The 2023 document spelled the keys
 * {@code makerfee}/{@code takerfee}; both spellings are read.
 */
public record BtseFees(
        @JsonProperty("makerFee") @JsonAlias("makerfee") BigDecimal makerFee,
        @JsonProperty("takerFee") @JsonAlias("takerfee") BigDecimal takerFee,
        @JsonProperty("symbol") String symbol) {
}
