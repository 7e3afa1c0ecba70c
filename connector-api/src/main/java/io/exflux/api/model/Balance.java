package io.exflux.api.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Holdings of one currency in one wallet.
 *
 * @param wallet    the venue's wallet name ({@code SPOT}, ...), or {@code null} when it has only one
 * @param total     everything held
 * @param reserved  held by open orders, pending withdrawals and the like
 * @param updatedAt when the venue last changed it, or {@code null} when it does not say
 */
public record Balance(String currency, String wallet, BigDecimal total, BigDecimal reserved, Instant updatedAt) {

    /** Currency and total are required; a missing {@code reserved} is zero. */
    public Balance {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(total, "total");
        reserved = reserved == null ? BigDecimal.ZERO : reserved;
    }

    /** What can be spent now: total minus reserved. */
    public BigDecimal available() {
        return total.subtract(reserved);
    }
}
