package io.exflux.api.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A deposit into the account. {@code address} and {@code txId} are {@code null} when not reported. */
public record Deposit(
        String id,
        String currency,
        BigDecimal amount,
        TransferStatus status,
        String rawStatus,
        String address,
        String txId,
        Instant timestamp) {

    /** Id, currency, amount and status are required. */
    public Deposit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
    }
}
