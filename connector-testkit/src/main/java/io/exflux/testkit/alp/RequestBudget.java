package io.exflux.testkit.alp;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A lock-free fixed one-second window: at most {@code limit} REST requests per clock second, then 429. */
final class RequestBudget {

    private final Clock clock;
    private final AtomicLong window = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger used = new AtomicInteger();
    private volatile int limit;

    RequestBudget(Clock clock, int limit) {
        this.clock = clock;
        this.limit = limit;
    }

    void limit(int value) {
        this.limit = value;
    }

    boolean tryAcquire() {
        long second = Math.floorDiv(clock.millis(), 1000);
        long current = window.get();
        if (current != second && window.compareAndSet(current, second)) {
            used.set(0);
        }
        return used.incrementAndGet() <= limit;
    }
}
