package io.exflux.api.stream;

/**
 * What a stream does when one subscriber reads slower than the venue sends. The socket and the other
 * subscribers are never slowed; only this subscriber's view changes.
 *
 * @param kind     the behaviour
 * @param capacity how many elements wait for the subscriber before the behaviour applies (ignored for
 *                 {@link Kind#LATEST})
 */
public record OverflowPolicy(Kind kind, int capacity) {

    /** The behaviours. */
    public enum Kind {
        /** Keep only the newest element: for state (books, tickers), where old values are worthless. */
        LATEST,
        /** Buffer up to the capacity, then fail this subscriber with an overflow error: nothing is lost silently. */
        BUFFER_THEN_FAIL,
        /** Buffer up to the capacity, then rebuild the state from a fresh snapshot (book updates). */
        BUFFER_THEN_RESYNC
    }

    /** A kind is required; the buffering kinds need a capacity of at least 1. */
    public OverflowPolicy {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (kind != Kind.LATEST && capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
    }

    /** Latest wins: a slow subscriber skips to the newest message (for state that replaces itself). */
    public static OverflowPolicy latest() {
        return new OverflowPolicy(Kind.LATEST, 1);
    }

    /** Buffers up to {@code capacity} messages, then fails that subscriber with {@code StreamOverflowException}. */
    public static OverflowPolicy bufferThenFail(int capacity) {
        return new OverflowPolicy(Kind.BUFFER_THEN_FAIL, capacity);
    }

    /** Buffers up to {@code capacity} messages, then rebuilds the state from a fresh snapshot. */
    public static OverflowPolicy bufferThenResync(int capacity) {
        return new OverflowPolicy(Kind.BUFFER_THEN_RESYNC, capacity);
    }
}
