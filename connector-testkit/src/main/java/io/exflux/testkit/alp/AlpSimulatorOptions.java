package io.exflux.testkit.alp;

import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.PingingVenueSettings;
import io.exflux.testkit.sim.VenueSettings;
import java.time.Duration;
import java.util.List;

/**
 * Settings of an {@link AlpSimulator}; immutable, with {@link #builder()} and {@link #mutate()}. The
 * settings every simulated venue has (markets, generator, clock, timer, REST budget, body limit, candle
 * history, topics a socket) come from {@link VenueSettings}, the ping timing from {@link PingingVenueSettings}:
 * the server sends a websocket PING frame after {@code pingInterval} without outbound traffic, the welcome frame
 * announces both values, and with text keepalive the server waits {@code pingTimeout} for {@code 2}. A socket
 * asking for more than {@code maxTopics} valid topics is told "Too many topics".
 * Defaults: BTC_USDT and ETH_USDT, the market generator on (seed 42, a step every 100 ms), JWTs valid one
 * hour, websocket PING frames after 20 s without outbound traffic, welcome values in milliseconds
 * (20000/30000, like the live venue), no server-sent text {@code 1} (a client's text {@code 1} is answered
 * {@code 2}), {@code p} frames at most once a second, 1,000 REST requests per second before 429, request
 * bodies up to 1 MiB, websocket frames up to 64 KiB, 20 topics per socket, no candle history, and the
 * docs' answers where the live venue drifts from them (each drift is an option, off by default).
 */
public final class AlpSimulatorOptions extends PingingVenueSettings {

    /** The markets the simulator opens unless told otherwise (precisions and limits as the docs' example). */
    public static final List<MarketSpec> DEFAULT_MARKETS = List.of(
            MarketSpec.of("BTC", "USDT", 2, 8, "0.0001", "100", "10"),
            MarketSpec.of("ETH", "USDT", 2, 8, "0.001", "1000", "10"));

    private final Duration jwtLifetime;
    private final boolean welcomeInNanoseconds;
    private final boolean textKeepalive;
    private final Duration depthInterval;
    private final Duration tickerInterval;
    private final int maxFrameBytes;
    private final boolean dropOnTextKeepalive;
    private final boolean liveErrorFrames;
    private final boolean unknownKeyAsNotFound;

    private AlpSimulatorOptions(Builder b) {
        super(b);
        this.jwtLifetime = b.jwtLifetime;
        this.welcomeInNanoseconds = b.welcomeInNanoseconds;
        this.textKeepalive = b.textKeepalive;
        this.depthInterval = b.depthInterval;
        this.tickerInterval = b.tickerInterval;
        this.maxFrameBytes = b.maxFrameBytes;
        this.dropOnTextKeepalive = b.dropOnTextKeepalive;
        this.liveErrorFrames = b.liveErrorFrames;
        this.unknownKeyAsNotFound = b.unknownKeyAsNotFound;
    }

    /** The defaults. */
    public static AlpSimulatorOptions defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder mutate() {
        return new Builder().from(this);
    }

    /** How long a JWT from {@code POST /api/v3/auth} is valid (its {@code exp}). */
    public Duration jwtLifetime() {
        return jwtLifetime;
    }

    /** Whether the welcome frame carries nanoseconds (the docs) instead of milliseconds (the live venue). */
    public boolean welcomeInNanoseconds() {
        return welcomeInNanoseconds;
    }

    /** Whether the server also sends the documented text {@code 1} and expects text {@code 2}. */
    public boolean textKeepalive() {
        return textKeepalive;
    }

    /** Smallest time between two {@code p} frames of one pair. */
    public Duration depthInterval() {
        return depthInterval;
    }

    /** Time between two {@code tk} (and {@code r}) frames. */
    public Duration tickerInterval() {
        return tickerInterval;
    }

    /** Largest inbound websocket text frame, in bytes; a larger one closes the socket with 1009. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /**
     * Whether a text {@code 1} or {@code 2} from the client drops the socket, as the live venue did (off:
     * {@code 1} is answered {@code 2}, as the docs say).
     */
    public boolean dropOnTextKeepalive() {
        return dropOnTextKeepalive;
    }

    /**
     * Whether a refused topic gets the live venue's {@code ["error", ts, "Invalid topic: X", "subscribe"]}
     * instead of the docs' {@code ["error", ts, "Topic does not exist"]}.
     */
    public boolean liveErrorFrames() {
        return liveErrorFrames;
    }

    /**
     * Whether {@code POST /auth} answers an unknown API key 404 {@code NOT_FOUND}, as the live venue does,
     * instead of the docs' 401.
     */
    public boolean unknownKeyAsNotFound() {
        return unknownKeyAsNotFound;
    }

    /** Builder of {@link AlpSimulatorOptions}. */
    public static final class Builder extends PingingVenueSettings.Builder<Builder> {
        private Duration jwtLifetime = Duration.ofHours(1);
        private boolean welcomeInNanoseconds;
        private boolean textKeepalive;
        private Duration depthInterval = Duration.ofSeconds(1);
        private Duration tickerInterval = Duration.ofSeconds(1);
        private int maxFrameBytes = 64 * 1024;
        private boolean dropOnTextKeepalive;
        private boolean liveErrorFrames;
        private boolean unknownKeyAsNotFound;

        private Builder() {
            super(DEFAULT_MARKETS, Duration.ofSeconds(20), Duration.ofSeconds(30));
            maxTopics(20);
        }

        private Builder from(AlpSimulatorOptions o) {
            copy(o);
            jwtLifetime = o.jwtLifetime;
            welcomeInNanoseconds = o.welcomeInNanoseconds;
            textKeepalive = o.textKeepalive;
            depthInterval = o.depthInterval;
            tickerInterval = o.tickerInterval;
            maxFrameBytes = o.maxFrameBytes;
            dropOnTextKeepalive = o.dropOnTextKeepalive;
            liveErrorFrames = o.liveErrorFrames;
            unknownKeyAsNotFound = o.unknownKeyAsNotFound;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder jwtLifetime(Duration value) {
            this.jwtLifetime = positive(value, "jwtLifetime");
            return this;
        }

        public Builder welcomeInNanoseconds(boolean value) {
            this.welcomeInNanoseconds = value;
            return this;
        }

        public Builder textKeepalive(boolean value) {
            this.textKeepalive = value;
            return this;
        }

        public Builder depthInterval(Duration value) {
            this.depthInterval = positive(value, "depthInterval");
            return this;
        }

        public Builder tickerInterval(Duration value) {
            this.tickerInterval = positive(value, "tickerInterval");
            return this;
        }

        public Builder maxFrameBytes(int value) {
            this.maxFrameBytes = positive(value, "maxFrameBytes");
            return this;
        }

        public Builder dropOnTextKeepalive(boolean value) {
            this.dropOnTextKeepalive = value;
            return this;
        }

        public Builder liveErrorFrames(boolean value) {
            this.liveErrorFrames = value;
            return this;
        }

        public Builder unknownKeyAsNotFound(boolean value) {
            this.unknownKeyAsNotFound = value;
            return this;
        }

        public AlpSimulatorOptions build() {
            return new AlpSimulatorOptions(this);
        }
    }
}
