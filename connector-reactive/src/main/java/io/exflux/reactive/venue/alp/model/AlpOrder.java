package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code GET /accounts/order}: one order as ALP reports it. Enumerations stay as the venue's text
 * ({@code side} BID/ASK or BUY/SELL, {@code status}, {@code type}, {@code walletType}); see
 * {@link AlpSide}, {@link AlpOrderStatus}, {@link AlpWalletType} to read them. {@code clientOrderId}
 * is not in the document's example; it is read when the venue sends it.
 */
public record AlpOrder(
        @JsonProperty("id") long id,
        @JsonProperty("account_id") Long accountId,
        @JsonProperty("pair") String pair,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("price") BigDecimal price,
        @JsonProperty("side") String side,
        @JsonProperty("status") String status,
        @JsonProperty("type") String type,
        @JsonProperty("wallet_type") String walletType,
        @JsonProperty("amount_canceled") BigDecimal amountCanceled,
        @JsonProperty("amount_filled") BigDecimal amountFilled,
        @JsonProperty("date") @JsonDeserialize(using = AlpInstantDeserializer.class) Instant date,
        @JsonProperty("open_at") @JsonDeserialize(using = AlpInstantDeserializer.class) Instant openAt,
        @JsonProperty("tif") String tif,
        @JsonProperty("updated_at") @JsonDeserialize(using = AlpInstantDeserializer.class) Instant updatedAt,
        @JsonProperty("done_at") @JsonDeserialize(using = AlpInstantDeserializer.class) Instant doneAt,
        @JsonProperty("expire_after") @JsonDeserialize(using = AlpInstantDeserializer.class) Instant expireAfter,
        @JsonProperty("stop_price") BigDecimal stopPrice,
        @JsonProperty("client_order_id") String clientOrderId) {
}
