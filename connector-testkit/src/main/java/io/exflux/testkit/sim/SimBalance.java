package io.exflux.testkit.sim;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One currency of one wallet of an account.
 *
 * @param accountId owner
 * @param wallet    wallet name (e.g. SPOT)
 * @param currency  currency code
 * @param total     everything held, reserved included
 * @param reserved  held by open orders
 * @param updatedAt last change
 */
public record SimBalance(long accountId, String wallet, String currency, BigDecimal total, BigDecimal reserved,
                         Instant updatedAt) {

    /** What new orders may use: total minus reserved. */
    public BigDecimal available() {
        return total.subtract(reserved);
    }
}
