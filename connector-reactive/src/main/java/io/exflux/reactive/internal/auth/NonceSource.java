package io.exflux.reactive.internal.auth;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Strictly increasing nonces for one API key, in milliseconds of the injected clock. Venues reject a nonce that
 * is not larger than the last one they saw for the key, so two calls in the same millisecond, many concurrent
 * callers, or a wall clock stepping backwards must still yield increasing values: each nonce is
 * {@code max(last + 1, now)}, computed lock-free.
 */
public final class NonceSource {

    private final Clock clock;
    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

    /** A source reading the given clock. */
    public NonceSource(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The next nonce: larger than every nonce this source returned before. */
    public long next() {
        long now = clock.millis();
        return last.accumulateAndGet(now, (previous, millis) -> Math.max(previous + 1, millis));
    }

    @Override
    public String toString() {
        return "NonceSource[last=" + last.get() + "]";
    }
}
