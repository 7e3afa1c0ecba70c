package io.exflux.testkit.chaos;

import java.time.Duration;
import java.util.Objects;

/**
 * One fault a {@link ChaosProxy} can apply to a connection (or to every connection). Faults that last
 * (stall, latency, bandwidth) carry a duration; a {@code null} duration means "until cleared" with
 * {@link ChaosProxy#heal()}, {@link ChaosProxy#resume()} or their {@link ChaosConnection} counterparts.
 * Cut and reset act on both sockets of a connection, whatever the direction.
 */
public sealed interface ChaosFault {

    /** What kind of fault this is. */
    FaultKind kind();

    /** How long it lasts: {@link Duration#ZERO} for cut and reset, {@code null} until cleared. */
    Duration duration();

    /** Close both sockets now. */
    static ChaosFault cut() {
        return new Cut();
    }

    /** Abort both sockets now with a TCP reset. */
    static ChaosFault reset() {
        return new Reset();
    }

    /** Stop forwarding in this direction until resumed. */
    static ChaosFault stall(Direction direction) {
        return new Stall(direction, null);
    }

    /** Stop forwarding in this direction for this long. */
    static ChaosFault stall(Direction direction, Duration duration) {
        return new Stall(direction, Objects.requireNonNull(duration, "duration"));
    }

    /** Forward only the next {@code bytes} bytes in this direction, then stall (until resumed) or cut. */
    static ChaosFault halfFrame(Direction direction, int bytes, FaultKind then) {
        return new HalfFrame(direction, bytes, then, null);
    }

    /** Forward only the next {@code bytes} bytes in this direction, then stall for this long. */
    static ChaosFault halfFrameThenStall(Direction direction, int bytes, Duration stall) {
        return new HalfFrame(direction, bytes, FaultKind.STALL, Objects.requireNonNull(stall, "stall"));
    }

    /** Delay every chunk in this direction by {@code fixed} plus up to {@code jitter}, until cleared. */
    static ChaosFault latency(Direction direction, Duration fixed, Duration jitter) {
        return new Latency(direction, fixed, jitter, null);
    }

    /** Cap forwarding in this direction at {@code bytesPerSecond}, until cleared. */
    static ChaosFault bandwidth(Direction direction, long bytesPerSecond) {
        return new Bandwidth(direction, bytesPerSecond, null);
    }

    /**
     * Close both sockets (FIN) now. As with any TCP close, a socket with received bytes the proxy has not read
     * yet (during a stall, say) is answered with a reset instead.
     */
    record Cut() implements ChaosFault {
        @Override
        public FaultKind kind() {
            return FaultKind.CUT;
        }

        @Override
        public Duration duration() {
            return Duration.ZERO;
        }
    }

    /** Abort both sockets with a TCP reset (SO_LINGER 0, then close). */
    record Reset() implements ChaosFault {
        @Override
        public FaultKind kind() {
            return FaultKind.RESET;
        }

        @Override
        public Duration duration() {
            return Duration.ZERO;
        }
    }

    /**
     * Stop forwarding, keep the sockets open; what arrives meanwhile is forwarded in order on resume.
     * While stalled the proxy stops reading, so the sender's TCP window fills as on a real dead link. A stall
     * applied to a direction already stalled joins that stall: the first to end (by its timer or a resume) ends it.
     */
    record Stall(Direction direction, Duration duration) implements ChaosFault {
        public Stall {
            Objects.requireNonNull(direction, "direction");
            requirePositiveOrNull(duration, "stall duration");
        }

        @Override
        public FaultKind kind() {
            return FaultKind.STALL;
        }
    }

    /**
     * Forward exactly {@code bytes} more bytes (across chunks if need be), then {@code then}: {@link FaultKind#STALL}
     * (for {@code stall}, or until resumed when it is {@code null}; the rest then follows in order) or
     * {@link FaultKind#CUT} (the rest is dropped; {@code stall} must be {@code null}).
     */
    record HalfFrame(Direction direction, int bytes, FaultKind then, Duration stall) implements ChaosFault {
        public HalfFrame {
            Objects.requireNonNull(direction, "direction");
            if (bytes < 0) {
                throw new IllegalArgumentException("half-frame bytes must be 0 or more: " + bytes);
            }
            if (then != FaultKind.STALL && then != FaultKind.CUT) {
                throw new IllegalArgumentException("a half-frame ends in STALL or CUT, not " + then);
            }
            if (then == FaultKind.CUT && stall != null) {
                throw new IllegalArgumentException("a half-frame that ends in a cut has no stall");
            }
            requirePositiveOrNull(stall, "half-frame stall");
        }

        @Override
        public FaultKind kind() {
            return FaultKind.HALF_FRAME;
        }

        /** The stall that follows the bytes: its length, {@code null} until resumed; zero after a cut. */
        @Override
        public Duration duration() {
            return then == FaultKind.CUT ? Duration.ZERO : stall;
        }
    }

    /** Delay each chunk by {@code fixed} plus a seeded random part of {@code jitter}; chunks keep their order. */
    record Latency(Direction direction, Duration fixed, Duration jitter, Duration duration) implements ChaosFault {
        public Latency {
            Objects.requireNonNull(direction, "direction");
            requireZeroOrMore(fixed, "latency");
            requireZeroOrMore(jitter, "latency jitter");
            requirePositiveOrNull(duration, "latency duration");
        }

        /** The same latency, cleared again after {@code lasting}. */
        public Latency lasting(Duration lasting) {
            return new Latency(direction, fixed, jitter, Objects.requireNonNull(lasting, "lasting"));
        }

        @Override
        public FaultKind kind() {
            return FaultKind.LATENCY;
        }
    }

    /** Forward at most {@code bytesPerSecond}, in slices of about a twentieth of a second; order kept. */
    record Bandwidth(Direction direction, long bytesPerSecond, Duration duration) implements ChaosFault {
        public Bandwidth {
            Objects.requireNonNull(direction, "direction");
            if (bytesPerSecond <= 0) {
                throw new IllegalArgumentException("bandwidth must be positive: " + bytesPerSecond);
            }
            requirePositiveOrNull(duration, "bandwidth duration");
        }

        /** The same cap, cleared again after {@code lasting}. */
        public Bandwidth lasting(Duration lasting) {
            return new Bandwidth(direction, bytesPerSecond, Objects.requireNonNull(lasting, "lasting"));
        }

        @Override
        public FaultKind kind() {
            return FaultKind.BANDWIDTH;
        }
    }

    private static void requirePositiveOrNull(Duration duration, String what) {
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new IllegalArgumentException(what + " must be positive: " + duration);
        }
    }

    private static void requireZeroOrMore(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + duration);
        }
    }
}
