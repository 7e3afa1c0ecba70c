package io.exflux.api.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One movement of funds in the account history.
 *
 * @param id           the venue's id, or {@code null} when it has none
 * @param type         the venue's name or code for the kind of movement
 * @param amount       the change (negative for debits)
 * @param balanceAfter the balance after the movement, or {@code null} when not reported
 */
public record LedgerEntry(
        String id,
        String currency,
        String wallet,
        String type,
        BigDecimal amount,
        BigDecimal balanceAfter,
        Instant timestamp) {

    /** Currency, type and amount are required. */
    public LedgerEntry {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
    }
}
