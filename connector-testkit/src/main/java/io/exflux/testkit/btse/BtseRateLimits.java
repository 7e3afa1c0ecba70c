package io.exflux.testkit.btse;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BTSE's rate limits as the simulator counts them: one budget per scope and caller (an API key, or the IP
 * for anonymous queries) in fixed one-second windows of the venue's clock. A call over its budget is
 * refused; every scope keeps what it accepted and refused and the most calls one caller got accepted
 * within one second, so a test can check that a client never went over.
 */
final class BtseRateLimits {

    /** A fixed one-second window for one caller of one scope. */
    private static final class Window {
        private final int limit;
        private long second = Long.MIN_VALUE;
        private int used;

        Window(int limit) {
            this.limit = limit;
        }

        /** The calls accepted in this second so far after counting this one, or -1 when refused. */
        synchronized int acquire(long nowMillis) {
            long current = Math.floorDiv(nowMillis, 1000);
            if (current != second) {
                second = current;
                used = 0;
            }
            if (used >= limit) {
                return -1;
            }
            return ++used;
        }
    }

    /** What one scope saw. */
    private static final class Tally {
        long accepted;
        long refused;
        int busiestSecond;

        synchronized void count(int usedNow) {
            if (usedNow < 0) {
                refused++;
            } else {
                accepted++;
                busiestSecond = Math.max(busiestSecond, usedNow);
            }
        }

        synchronized BtseSimulator.ScopeCount snapshot(BtseSimulator.Scope scope, int limit) {
            return new BtseSimulator.ScopeCount(scope, limit, accepted, refused, busiestSecond);
        }
    }

    private final Clock clock;
    private final Map<BtseSimulator.Scope, Integer> limits = new EnumMap<>(BtseSimulator.Scope.class);
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Map<BtseSimulator.Scope, Tally> tallies = new EnumMap<>(BtseSimulator.Scope.class);

    BtseRateLimits(Clock clock, BtseSimulatorOptions options) {
        this.clock = clock;
        limits.put(BtseSimulator.Scope.QUERY, options.queryCallsPerSecond());
        limits.put(BtseSimulator.Scope.ORDERS, options.orderCallsPerSecond());
        limits.put(BtseSimulator.Scope.WALLET, options.walletCallsPerSecond());
        for (BtseSimulator.Scope scope : BtseSimulator.Scope.values()) {
            tallies.put(scope, new Tally());
        }
    }

    /** Counts one call of {@code caller} in this scope; false when this second's budget is spent. */
    boolean tryAcquire(BtseSimulator.Scope scope, String caller) {
        int limit = limits.get(scope);
        Window window = windows.computeIfAbsent(scope + "/" + caller, key -> new Window(limit));
        int used = window.acquire(clock.millis());
        tallies.get(scope).count(used);
        return used >= 0;
    }

    /** Whole seconds until the current window ends (at least 1): the {@code Retry-After} of a refusal. */
    long retryAfterSeconds() {
        long intoSecond = Math.floorMod(clock.millis(), 1000);
        return Math.max(1, (1000 - intoSecond + 999) / 1000);
    }

    BtseSimulator.ScopeCount count(BtseSimulator.Scope scope) {
        return tallies.get(scope).snapshot(scope, limits.get(scope));
    }
}
