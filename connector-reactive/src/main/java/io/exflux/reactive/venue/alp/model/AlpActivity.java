package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code GET /accounts/activity}: one operation of the account history. {@code balance} is the
 * operation amount and {@code reserve} the reserve change (not the resulting totals); {@code opType}
 * is the venue's numeric operation code, kept as text so that a string code reads too.
 */
public record AlpActivity(
        @JsonProperty("balance") BigDecimal balance,
        @JsonProperty("reserve") BigDecimal reserve,
        @JsonProperty("currency") String currency,
        @JsonProperty("wallet_type") String walletType,
        @JsonProperty("last_update_at") @JsonDeserialize(using = AlpInstantDeserializer.class) Instant lastUpdateAt,
        @JsonProperty("account_id") Long accountId,
        @JsonProperty("op_type") String opType) {
}
