package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code GET /api/v3.2/user/wallet_history}: one movement of the spot wallet. {@code status} and {@code type} come
 * as numbers (the wallet document) or names (BTSE's later documents) and are kept as text: read them with
 * {@link #walletStatus()} and {@link #walletType()}. {@code orderId} is documented as a string and shown as a
 * number; both are read as text. It is the id a withdrawal's answer gave.
 */
public record BtseWalletHistoryEntry(
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("description") String description,
        @JsonProperty("fees") BigDecimal fees,
        @JsonProperty("orderId") String orderId,
        @JsonProperty("status") String status,
        @JsonProperty("timestamp") @JsonDeserialize(using = BtseMillis.class) Instant timestamp,
        @JsonProperty("type") String type,
        @JsonProperty("username") String username,
        @JsonProperty("wallet") String wallet,
        @JsonProperty("txid") String txid,
        @JsonProperty("currencyNetwork") String currencyNetwork) {

    /** The status, whichever way it was sent. */
    public BtseWalletStatus walletStatus() {
        return BtseWalletStatus.of(status);
    }

    /** The kind of movement, whichever way it was sent. */
    public BtseWalletType walletType() {
        return BtseWalletType.of(type);
    }
}
