package io.exflux.reactive.config;

import io.exflux.reactive.config.StreamKind;

import io.exflux.api.stream.OverflowPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Immutable settings of a {@link StreamEndpoint}: timeouts, reconnect backoff, topic grace period,
 * frame size, overflow policies per {@link StreamKind}, and the clock and scheduler all timing runs on.
 * Build with {@link #builder()}, derive with {@link #mutate()}; {@link #defaults()} documents every
 * default below.
 *
 * <p>Reconnect delays use exponential backoff with full jitter: attempt {@code n} (from 1) waits a
 * uniformly random delay in {@code [0, min(maxBackoff, initialBackoff * multiplier^(n-1))]}. The
 * attempt counter resets once a connection stayed up for {@link #stablePeriod()}.
 */
public final class StreamOptions {

    /** Default time to open the socket (TCP + TLS + websocket upgrade): 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default time for the venue handshake after the socket opened: 10 s. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** Default upper bound of the first reconnect delay: 100 ms. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    /** Default cap of every reconnect delay: 30 s. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    /** Default growth factor of the delay bound per attempt: 2. */
    public static final double DEFAULT_BACKOFF_MULTIPLIER = 2.0;
    /** Default time a connection must stay up before the attempt counter resets: 30 s. */
    public static final Duration DEFAULT_STABLE_PERIOD = Duration.ofSeconds(30);
    /**
     * Default wait after the last subscriber of a topic left before unsubscribing on the wire (and closing
     * a socket left without topics): 5 s.
     */
    public static final Duration DEFAULT_UNSUBSCRIBE_GRACE = Duration.ofSeconds(5);
    /** Default largest inbound message, after aggregating continuation frames: 4 MiB. */
    public static final int DEFAULT_MAX_FRAME_PAYLOAD = 4 * 1024 * 1024;
    /** Default buffer of the bounded overflow policies: 4096 messages per subscriber. */
    public static final int DEFAULT_BUFFER_CAPACITY = 4096;

    private static final StreamOptions DEFAULTS = new Builder().build();

    private final Duration connectTimeout;
    private final Duration handshakeTimeout;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double backoffMultiplier;
    private final Duration stablePeriod;
    private final Duration unsubscribeGrace;
    private final int maxFramePayloadLength;
    private final Map<StreamKind, OverflowPolicy> overflowPolicies;
    private final Scheduler scheduler;
    private final Clock clock;
    private final DoubleSupplier jitter;

    private StreamOptions(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.handshakeTimeout = b.handshakeTimeout;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.backoffMultiplier = b.backoffMultiplier;
        this.stablePeriod = b.stablePeriod;
        this.unsubscribeGrace = b.unsubscribeGrace;
        this.maxFramePayloadLength = b.maxFramePayloadLength;
        this.overflowPolicies = new EnumMap<>(b.overflowPolicies);
        this.scheduler = b.scheduler;
        this.clock = b.clock;
        this.jitter = b.jitter;
    }

    /** The defaults. */
    public static StreamOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder mutate() {
        return new Builder(this);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public double backoffMultiplier() {
        return backoffMultiplier;
    }

    public Duration stablePeriod() {
        return stablePeriod;
    }

    /**
     * How long a topic stays subscribed on the wire after its last subscriber left; a socket left without
     * topics at that moment is closed (and reopened by the next subscription).
     */
    public Duration unsubscribeGrace() {
        return unsubscribeGrace;
    }

    public int maxFramePayloadLength() {
        return maxFramePayloadLength;
    }

    /** The overflow policy used for topics of this kind unless the subscriber passes its own. */
    public OverflowPolicy overflowPolicy(StreamKind kind) {
        return overflowPolicies.get(Objects.requireNonNull(kind, "kind"));
    }

    /** The scheduler for every timer (backoff, grace, heartbeat, timeouts). Default {@code Schedulers.parallel()}. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The clock that stamps connection events. Default UTC system clock. */
    public Clock clock() {
        return clock;
    }

    /** Source of uniform values in {@code [0, 1)} for the jitter. Default {@link ThreadLocalRandom}. */
    public DoubleSupplier jitter() {
        return jitter;
    }

    /**
     * The delay before reconnect attempt {@code attempt} (from 1): full jitter over the exponential bound.
     */
    public Duration backoff(int attempt) {
        double bound = initialBackoff.toNanos() * Math.pow(backoffMultiplier, Math.max(0, attempt - 1));
        double capped = Math.min(bound, (double) maxBackoff.toNanos());
        return Duration.ofNanos((long) (capped * jitter.getAsDouble()));
    }

    @Override
    public String toString() {
        return "StreamOptions[connectTimeout=" + connectTimeout + ", handshakeTimeout=" + handshakeTimeout
                + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + ", multiplier="
                + backoffMultiplier + ", stablePeriod=" + stablePeriod + ", unsubscribeGrace=" + unsubscribeGrace
                + ", maxFramePayloadLength=" + maxFramePayloadLength + ", overflow=" + overflowPolicies + "]";
    }

    /** Builds {@link StreamOptions}; every setter validates its argument. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private double backoffMultiplier = DEFAULT_BACKOFF_MULTIPLIER;
        private Duration stablePeriod = DEFAULT_STABLE_PERIOD;
        private Duration unsubscribeGrace = DEFAULT_UNSUBSCRIBE_GRACE;
        private int maxFramePayloadLength = DEFAULT_MAX_FRAME_PAYLOAD;
        private final Map<StreamKind, OverflowPolicy> overflowPolicies = new EnumMap<>(StreamKind.class);
        private Scheduler scheduler = Schedulers.parallel();
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
            overflowPolicies.put(StreamKind.ORDER_BOOK, OverflowPolicy.latest());
            overflowPolicies.put(StreamKind.TICKER, OverflowPolicy.latest());
            overflowPolicies.put(StreamKind.BOOK_UPDATES, OverflowPolicy.bufferThenResync(DEFAULT_BUFFER_CAPACITY));
            overflowPolicies.put(StreamKind.TRADES, OverflowPolicy.bufferThenFail(DEFAULT_BUFFER_CAPACITY));
            overflowPolicies.put(StreamKind.PRIVATE, OverflowPolicy.bufferThenFail(DEFAULT_BUFFER_CAPACITY));
            overflowPolicies.put(StreamKind.OTHER, OverflowPolicy.bufferThenFail(DEFAULT_BUFFER_CAPACITY));
        }

        private Builder(StreamOptions o) {
            connectTimeout = o.connectTimeout;
            handshakeTimeout = o.handshakeTimeout;
            initialBackoff = o.initialBackoff;
            maxBackoff = o.maxBackoff;
            backoffMultiplier = o.backoffMultiplier;
            stablePeriod = o.stablePeriod;
            unsubscribeGrace = o.unsubscribeGrace;
            maxFramePayloadLength = o.maxFramePayloadLength;
            overflowPolicies.putAll(o.overflowPolicies);
            scheduler = o.scheduler;
            clock = o.clock;
            jitter = o.jitter;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        public Builder handshakeTimeout(Duration value) {
            handshakeTimeout = positive(value, "handshakeTimeout");
            return this;
        }

        public Builder initialBackoff(Duration value) {
            initialBackoff = positive(value, "initialBackoff");
            return this;
        }

        public Builder maxBackoff(Duration value) {
            maxBackoff = positive(value, "maxBackoff");
            return this;
        }

        public Builder backoffMultiplier(double value) {
            if (!(value >= 1.0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("backoffMultiplier must be at least 1: " + value);
            }
            backoffMultiplier = value;
            return this;
        }

        public Builder stablePeriod(Duration value) {
            stablePeriod = positive(value, "stablePeriod");
            return this;
        }

        /** Zero unsubscribes as soon as the last subscriber leaves. */
        public Builder unsubscribeGrace(Duration value) {
            Objects.requireNonNull(value, "unsubscribeGrace");
            if (value.isNegative()) {
                throw new IllegalArgumentException("unsubscribeGrace must not be negative: " + value);
            }
            unsubscribeGrace = value;
            return this;
        }

        public Builder maxFramePayloadLength(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxFramePayloadLength must be positive: " + value);
            }
            maxFramePayloadLength = value;
            return this;
        }

        /** Overrides the default overflow policy of one stream kind. */
        public Builder overflowPolicy(StreamKind kind, OverflowPolicy policy) {
            overflowPolicies.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        public Builder scheduler(Scheduler value) {
            scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Source of uniform values in {@code [0, 1)}; tests pass a constant to get exact delays. */
        public Builder jitter(DoubleSupplier value) {
            jitter = Objects.requireNonNull(value, "jitter");
            return this;
        }

        public StreamOptions build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is below initialBackoff "
                        + initialBackoff);
            }
            return new StreamOptions(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
