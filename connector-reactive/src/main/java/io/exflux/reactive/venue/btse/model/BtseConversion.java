package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** {@code POST /api/v3.2/user/wallet/convert}: the settled conversion (numbers, though the request sends text). */
public record BtseConversion(
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("settlementAmount") BigDecimal settlementAmount,
        @JsonProperty("amountCurrency") String amountCurrency,
        @JsonProperty("settlementCurrency") String settlementCurrency,
        @JsonProperty("rate") BigDecimal rate) {
}
