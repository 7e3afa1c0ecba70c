package io.exflux.api.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * Funds to move to another account of the same venue ({@code transfer}). The record takes any values;
 * {@link #violations()} names what is wrong.
 *
 * @param currency       the currency, for example {@code BTC}
 * @param amount         how much, positive
 * @param recipient      the receiving account's user name
 * @param recipientEmail the receiving account's e-mail address, or {@code null} where the venue does not ask
 */
public record TransferRequest(String currency, BigDecimal amount, String recipient, String recipientEmail) {

    /** What is wrong with this request, one sentence per rule broken; empty when nothing is. */
    public List<String> violations() {
        return WalletRequestRules.violations(this);
    }
}
