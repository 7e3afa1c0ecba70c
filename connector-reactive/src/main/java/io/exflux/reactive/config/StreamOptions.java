package io.exflux.reactive.config;

import io.exflux.api.stream.OverflowPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable settings of a venue's websocket streams: timeouts, stall detection, connect attempts, topic grace
 * period, frame size, overflow policies per {@link StreamKind}, and optionally a reconnect {@link Backoff} of their
 * own. Build with {@link #builder()},
 * derive with {@link #mutate()}; {@link #defaults()} documents every default below.
 *
 * <p>The scheduler and clock every timer runs on, and the reconnect backoff unless {@link #backoff()} names one,
 * come from the client's {@code ClientResources}. A socket's attempt counter resets once a connection stayed up for
 * {@link #stablePeriod()}.
 */
public final class StreamOptions {

    /** Default time to open the socket (TCP + TLS + websocket upgrade): 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default time for the venue handshake after the socket opened: 10 s. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** Default time a connection must stay up before the attempt counter resets: 30 s. */
    public static final Duration DEFAULT_STABLE_PERIOD = Duration.ofSeconds(30);
    /**
     * Default wait after the last subscriber of a topic left before unsubscribing on the wire (and closing
     * a socket left without topics): 5 s.
     */
    public static final Duration DEFAULT_UNSUBSCRIBE_GRACE = Duration.ofSeconds(5);
    /** Default largest inbound message, after aggregating continuation frames: 4 MiB. */
    public static final int DEFAULT_MAX_FRAME_PAYLOAD = 4 * 1024 * 1024;
    /**
     * Default longest silence (no inbound frame of any kind) on a socket with live topics before it is declared
     * stale, dropped and reconnected: 15 s.
     */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(15);
    /** Default failed connect attempts in a row, on a socket that never connected, before its topics fail: 8. */
    public static final int DEFAULT_MAX_CONNECT_ATTEMPTS = 8;
    /** {@link #maxConnectAttempts()} value meaning "retry forever". */
    public static final int UNLIMITED_CONNECT_ATTEMPTS = 0;
    /** Default buffer of the bounded overflow policies: 4096 messages per subscriber. */
    public static final int DEFAULT_BUFFER_CAPACITY = 4096;

    private static final StreamOptions DEFAULTS = new Builder().build();

    private final Duration connectTimeout;
    private final Duration handshakeTimeout;
    private final Duration stablePeriod;
    private final Duration unsubscribeGrace;
    private final int maxFramePayloadLength;
    private final Duration stallTimeout;
    private final int maxConnectAttempts;
    private final Map<StreamKind, OverflowPolicy> overflowPolicies;
    private final Backoff backoff;

    private StreamOptions(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.handshakeTimeout = b.handshakeTimeout;
        this.stablePeriod = b.stablePeriod;
        this.unsubscribeGrace = b.unsubscribeGrace;
        this.maxFramePayloadLength = b.maxFramePayloadLength;
        this.stallTimeout = b.stallTimeout;
        this.maxConnectAttempts = b.maxConnectAttempts;
        this.overflowPolicies = new EnumMap<>(b.overflowPolicies);
        this.backoff = b.backoff;
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

    /**
     * The reconnect backoff of these streams; empty (the default) to use the {@code ClientResources}' reconnect
     * backoff, which every client of those resources shares.
     */
    public Optional<Backoff> backoff() {
        return Optional.ofNullable(backoff);
    }

    /** How long a connection must stay up before its reconnect attempts count from 1 again. */
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

    /**
     * The longest a socket that carries live topics may stay silent (no data, pong, ping or any other frame)
     * before it is declared stale, dropped and reconnected. After half of it without a frame the engine sends a
     * websocket ping (which every websocket peer must answer), so a quiet but healthy connection is not
     * dropped. A venue's own keepalive runs as well: the earlier bound wins. {@link Duration#ZERO} turns this
     * watchdog off and leaves only the venue's keepalive.
     */
    public Duration stallTimeout() {
        return stallTimeout;
    }

    /**
     * How many connect attempts in a row may fail, on a socket that has not yet completed a connection, before
     * the subscribers of its topics fail with {@link io.exflux.api.error.ExchangeUnavailableException} (an
     * unreachable endpoint is reported, not retried silently forever). {@link #UNLIMITED_CONNECT_ATTEMPTS} (0)
     * retries forever. A socket that was connected once reconnects forever, whatever this says.
     */
    public int maxConnectAttempts() {
        return maxConnectAttempts;
    }

    /** Whether {@link #maxConnectAttempts()} failed attempts in a row end the stream. */
    public boolean limitsConnectAttempts() {
        return maxConnectAttempts != UNLIMITED_CONNECT_ATTEMPTS;
    }

    /** The overflow policy used for topics of this kind unless the subscriber passes its own. */
    public OverflowPolicy overflowPolicy(StreamKind kind) {
        return overflowPolicies.get(Objects.requireNonNull(kind, "kind"));
    }

    @Override
    public String toString() {
        return "StreamOptions[connectTimeout=" + connectTimeout + ", handshakeTimeout=" + handshakeTimeout
                + ", backoff=" + (backoff == null ? "from ClientResources" : backoff) + ", stablePeriod="
                + stablePeriod + ", unsubscribeGrace=" + unsubscribeGrace
                + ", maxFramePayloadLength=" + maxFramePayloadLength + ", stallTimeout=" + stallTimeout
                + ", maxConnectAttempts=" + (limitsConnectAttempts() ? maxConnectAttempts : "unlimited")
                + ", overflow=" + overflowPolicies + "]";
    }

    /** Builds {@link StreamOptions}; every setter validates its argument. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private Duration stablePeriod = DEFAULT_STABLE_PERIOD;
        private Duration unsubscribeGrace = DEFAULT_UNSUBSCRIBE_GRACE;
        private int maxFramePayloadLength = DEFAULT_MAX_FRAME_PAYLOAD;
        private Duration stallTimeout = DEFAULT_STALL_TIMEOUT;
        private int maxConnectAttempts = DEFAULT_MAX_CONNECT_ATTEMPTS;
        private final Map<StreamKind, OverflowPolicy> overflowPolicies = new EnumMap<>(StreamKind.class);
        private Backoff backoff;

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
            stablePeriod = o.stablePeriod;
            unsubscribeGrace = o.unsubscribeGrace;
            maxFramePayloadLength = o.maxFramePayloadLength;
            stallTimeout = o.stallTimeout;
            maxConnectAttempts = o.maxConnectAttempts;
            overflowPolicies.putAll(o.overflowPolicies);
            backoff = o.backoff;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        public Builder handshakeTimeout(Duration value) {
            handshakeTimeout = positive(value, "handshakeTimeout");
            return this;
        }

        /** A reconnect backoff for these streams only; {@code null} to use the {@code ClientResources}' one. */
        public Builder backoff(Backoff value) {
            backoff = value;
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

        /** The stall bound of {@link StreamOptions#stallTimeout()}; {@link Duration#ZERO} turns the watchdog off. */
        public Builder stallTimeout(Duration value) {
            Objects.requireNonNull(value, "stallTimeout");
            if (value.isNegative()) {
                throw new IllegalArgumentException("stallTimeout must not be negative: " + value);
            }
            stallTimeout = value;
            return this;
        }

        /**
         * Failed connect attempts in a row before a never-connected socket's topics fail (at least 1), or
         * {@link StreamOptions#UNLIMITED_CONNECT_ATTEMPTS} to retry forever.
         */
        public Builder maxConnectAttempts(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxConnectAttempts must be positive, or 0 for unlimited: " + value);
            }
            maxConnectAttempts = value;
            return this;
        }

        /** Overrides the default overflow policy of one stream kind. */
        public Builder overflowPolicy(StreamKind kind, OverflowPolicy policy) {
            overflowPolicies.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        public StreamOptions build() {
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
