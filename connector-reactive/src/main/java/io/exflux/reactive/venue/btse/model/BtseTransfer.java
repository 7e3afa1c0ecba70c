package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * {@code POST /api/v3.2/user/wallet/transfer}: the transfer as BTSE echoes it. The amount comes back normalised
 * ({@code "1"} for a request of {@code "1.0"}): compare amounts by value.
 */
public record BtseTransfer(
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("asset") String asset,
        @JsonProperty("toUser") String toUser,
        @JsonProperty("toUserMail") String toUserMail) {
}
