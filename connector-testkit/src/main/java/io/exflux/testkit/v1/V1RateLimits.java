package io.exflux.testkit.v1;

import io.exflux.testkit.server.RequestBudget;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documented rate limits as the venue counts them, in fixed one-second windows of the venue's clock:
 * one budget for the IP (every caller on loopback is one IP) and, where the venue counts private calls per
 * account, one budget per account. A call over its budget is answered 429.
 */
final class V1RateLimits {

    private final Clock clock;
    private final RequestBudget ip;
    private final int perAccount;
    private final Map<Long, RequestBudget> accounts = new ConcurrentHashMap<>();

    V1RateLimits(Clock clock, int ipCallsPerSecond, int accountCallsPerSecond) {
        this.clock = clock;
        this.ip = new RequestBudget(clock, ipCallsPerSecond);
        this.perAccount = accountCallsPerSecond;
    }

    /** Counts a public call; false when this second's budget is spent. */
    boolean publicCall() {
        return ip.tryAcquire();
    }

    /** Counts a private call of this account; false when this second's budget is spent. */
    boolean privateCall(long account) {
        if (perAccount <= 0) {
            return ip.tryAcquire();
        }
        return accounts.computeIfAbsent(account, id -> new RequestBudget(clock, perAccount)).tryAcquire();
    }
}
