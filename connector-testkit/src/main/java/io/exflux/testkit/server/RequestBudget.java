package io.exflux.testkit.server;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock-free fixed one-second window: at most {@code limit} requests per clock second (all clients
 * together), then the venue answers 429. The window follows the clock it is given, so a test's clock
 * decides which requests share a second.
 */
public final class RequestBudget {

    private final Clock clock;
    private final AtomicLong window = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger used = new AtomicInteger();
    private volatile int limit;

    public RequestBudget(Clock clock, int limit) {
        this.clock = clock;
        limit(limit);
    }

    /** Changes the limit from now on. */
    public void limit(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = value;
    }

    /** Counts one request; false when this second's budget is spent. */
    public boolean tryAcquire() {
        long second = Math.floorDiv(clock.millis(), 1000);
        long current = window.get();
        if (current != second && window.compareAndSet(current, second)) {
            used.set(0);
        }
        return used.incrementAndGet() <= limit;
    }
}
