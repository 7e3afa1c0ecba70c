package io.exflux.api.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A withdrawal from the account. Optional fields are {@code null} when not reported. */
public record Withdrawal(
        String id,
        String currency,
        BigDecimal amount,
        BigDecimal fee,
        TransferStatus status,
        String rawStatus,
        String address,
        String txId,
        Instant timestamp) {

    /** Id, currency, amount and status are required. */
    public Withdrawal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
    }
}
