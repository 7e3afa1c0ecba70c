package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a withdrawal: its id, the {@code orderId} of its wallet history record. Sent as
 * {@code withdraw_id} (the wallet document) or {@code withdrawId} (BTSE's documents since 2025-08).
 */
public record BtseWithdrawal(@JsonProperty("withdraw_id") @JsonAlias("withdrawId") String withdrawId) {
}
