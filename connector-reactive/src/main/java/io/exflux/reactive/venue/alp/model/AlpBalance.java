package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code GET /accounts/balances}: one wallet's holding; available = balance - reserve. */
public record AlpBalance(
        @JsonProperty("balance") BigDecimal balance,
        @JsonProperty("reserve") BigDecimal reserve,
        @JsonProperty("currency") String currency,
        @JsonProperty("wallet_type") String walletType,
        @JsonProperty("last_update_at") @JsonDeserialize(using = AlpInstantDeserializer.class) Instant lastUpdateAt,
        @JsonProperty("account_id") Long accountId) {
}
