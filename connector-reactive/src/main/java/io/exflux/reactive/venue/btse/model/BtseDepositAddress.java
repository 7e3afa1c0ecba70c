package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * {@code GET} and {@code POST /api/v3.2/user/wallet/address}: a deposit address. {@code created} is unix seconds
 * (the example shows {@code 1592627542}).
 */
public record BtseDepositAddress(
        @JsonProperty("address") String address,
        @JsonProperty("created") Long created) {

    /** When the address was created, or {@code null} when not reported. */
    public Instant createdAt() {
        return created == null ? null : Instant.ofEpochSecond(created);
    }
}
