package io.exflux.testkit.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Balances per account, wallet and currency; totals and reserves. Engine-thread only. */
final class Ledger {

    /** One currency of one wallet. */
    static final class Holding {
        final long accountId;
        final String wallet;
        final String currency;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        Instant updatedAt;

        Holding(long accountId, String wallet, String currency, Instant now) {
            this.accountId = accountId;
            this.wallet = wallet;
            this.currency = currency;
            this.updatedAt = now;
        }

        BigDecimal available() {
            return total.subtract(reserved);
        }

        SimBalance snapshot() {
            return new SimBalance(accountId, wallet, currency, total, reserved, updatedAt);
        }
    }

    private final Map<Long, Map<String, Holding>> accounts = new LinkedHashMap<>();

    void open(long accountId) {
        accounts.putIfAbsent(accountId, new LinkedHashMap<>());
    }

    boolean exists(long accountId) {
        return accounts.containsKey(accountId);
    }

    Holding holding(long accountId, String wallet, String currency, Instant now) {
        return accounts.get(accountId).computeIfAbsent(wallet + '/' + currency,
                key -> new Holding(accountId, wallet, currency, now));
    }

    /** What is available without creating a holding: a refused order must not leave an empty wallet row. */
    BigDecimal available(long accountId, String wallet, String currency) {
        Map<String, Holding> holdings = accounts.get(accountId);
        Holding h = holdings == null ? null : holdings.get(wallet + '/' + currency);
        return h == null ? BigDecimal.ZERO : h.available();
    }

    List<SimBalance> balances(long accountId) {
        Map<String, Holding> holdings = accounts.get(accountId);
        List<SimBalance> out = new ArrayList<>();
        if (holdings != null) {
            holdings.values().forEach(h -> out.add(h.snapshot()));
        }
        return out;
    }
}
