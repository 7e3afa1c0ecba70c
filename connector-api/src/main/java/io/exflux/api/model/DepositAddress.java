package io.exflux.api.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where to deposit a currency.
 *
 * @param currency  the currency, for example {@code BTC}
 * @param network   the network as the venue names it, or {@code null} when the venue has one network per currency
 * @param address   the address
 * @param tag       the memo or tag some chains need besides the address, or {@code null}
 * @param createdAt when the venue created the address, or {@code null} when not reported
 */
public record DepositAddress(String currency, String network, String address, String tag, Instant createdAt) {

    /** Currency and address are required. */
    public DepositAddress {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(address, "address");
    }
}
