package io.exflux.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A transfer to another account as the venue confirmed it.
 *
 * @param currency       the currency
 * @param amount         the amount moved
 * @param recipient      the receiving account's user name
 * @param recipientEmail the receiving account's e-mail address, or {@code null} when not reported
 */
public record Transfer(String currency, BigDecimal amount, String recipient, String recipientEmail) {

    /** Currency, amount and recipient are required. */
    public Transfer {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(recipient, "recipient");
    }
}
