package io.exflux.testkit.alp;

import io.exflux.testkit.sim.GeneratorSettings;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.SimulatedVenue;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Settings of an {@link AlpSimulator}; immutable, with {@link #builder()} and {@link #mutate()}.
 * Defaults: BTC_USDT and ETH_USDT, the market generator on (seed 42, a step every 100 ms), JWTs valid one
 * hour, websocket PING frames after 20 s without outbound traffic, welcome values in milliseconds
 * (20000/30000, like the live venue), no server-sent text {@code 1} (a client's text {@code 1} is answered
 * {@code 2}), {@code p} frames at most once a second, 1,000 REST requests per second before 429, request
 * bodies up to 1 MiB, websocket frames up to 64 KiB, no candle history, and the docs' answers where the
 * live venue drifts from them (each drift is an option, off by default).
 */
public final class AlpSimulatorOptions {

    /** The markets the simulator opens unless told otherwise (precisions and limits as the docs' example). */
    public static final List<MarketSpec> DEFAULT_MARKETS = List.of(
            MarketSpec.of("BTC", "USDT", 2, 8, "0.0001", "100", "10"),
            MarketSpec.of("ETH", "USDT", 2, 8, "0.001", "1000", "10"));

    private final List<MarketSpec> markets;
    private final boolean generatorEnabled;
    private final GeneratorSettings generator;
    private final Duration jwtLifetime;
    private final Duration pingInterval;
    private final Duration pingTimeout;
    private final boolean welcomeInNanoseconds;
    private final boolean textKeepalive;
    private final Duration depthInterval;
    private final Duration tickerInterval;
    private final int requestsPerSecond;
    private final int maxTopics;
    private final Clock clock;
    private final Scheduler timer;
    private final Duration candleHistory;
    private final int maxRequestBody;
    private final int maxFrameBytes;
    private final boolean dropOnTextKeepalive;
    private final boolean liveErrorFrames;
    private final boolean unknownKeyAsNotFound;

    private AlpSimulatorOptions(Builder b) {
        this.markets = List.copyOf(b.markets);
        this.generatorEnabled = b.generatorEnabled;
        this.generator = b.generator;
        this.jwtLifetime = b.jwtLifetime;
        this.pingInterval = b.pingInterval;
        this.pingTimeout = b.pingTimeout;
        this.welcomeInNanoseconds = b.welcomeInNanoseconds;
        this.textKeepalive = b.textKeepalive;
        this.depthInterval = b.depthInterval;
        this.tickerInterval = b.tickerInterval;
        this.requestsPerSecond = b.requestsPerSecond;
        this.maxTopics = b.maxTopics;
        this.clock = b.clock;
        this.timer = b.timer;
        this.candleHistory = b.candleHistory;
        this.maxRequestBody = b.maxRequestBody;
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
        Builder b = new Builder();
        b.markets = markets;
        b.generatorEnabled = generatorEnabled;
        b.generator = generator;
        b.jwtLifetime = jwtLifetime;
        b.pingInterval = pingInterval;
        b.pingTimeout = pingTimeout;
        b.welcomeInNanoseconds = welcomeInNanoseconds;
        b.textKeepalive = textKeepalive;
        b.depthInterval = depthInterval;
        b.tickerInterval = tickerInterval;
        b.requestsPerSecond = requestsPerSecond;
        b.maxTopics = maxTopics;
        b.clock = clock;
        b.timer = timer;
        b.candleHistory = candleHistory;
        b.maxRequestBody = maxRequestBody;
        b.maxFrameBytes = maxFrameBytes;
        b.dropOnTextKeepalive = dropOnTextKeepalive;
        b.liveErrorFrames = liveErrorFrames;
        b.unknownKeyAsNotFound = unknownKeyAsNotFound;
        return b;
    }

    /** Markets (pair names like {@code BTC_USDT} on the wire). */
    public List<MarketSpec> markets() {
        return markets;
    }

    /** Whether the market generator runs from the start. */
    public boolean generatorEnabled() {
        return generatorEnabled;
    }

    /** Seed, rate and prices of the generator. */
    public GeneratorSettings generator() {
        return generator;
    }

    /** How long a JWT from {@code POST /api/v3/auth} is valid (its {@code exp}). */
    public Duration jwtLifetime() {
        return jwtLifetime;
    }

    /** Outbound silence after which the server sends a websocket PING frame (and the welcome's ping interval). */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** The welcome's ping timeout; with text keepalive, how long the server waits for {@code 2}. */
    public Duration pingTimeout() {
        return pingTimeout;
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

    /** REST requests per second (all clients together) before the simulator answers 429. */
    public int requestsPerSecond() {
        return requestsPerSecond;
    }

    /** Valid topics one websocket may hold before "Too many topics". */
    public int maxTopics() {
        return maxTopics;
    }

    /** Clock of timestamps and token expiry. */
    public Clock clock() {
        return clock;
    }

    /** Paces the generator, keepalive and periodic frames. */
    public Scheduler timer() {
        return timer;
    }

    /** Span of made-up, seeded past candles before the start, so charts have a history ({@link Duration#ZERO}: none). */
    public Duration candleHistory() {
        return candleHistory;
    }

    /** Largest REST request body accepted, in bytes; a larger one is answered 413 and not kept. */
    public int maxRequestBody() {
        return maxRequestBody;
    }

    /** Largest inbound websocket text frame, in bytes; a larger one closes the socket with 1009. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** Whether a text {@code 1} or {@code 2} from the client drops the socket, as the live venue did (off: {@code 1} is answered {@code 2}, as the docs say). */
    public boolean dropOnTextKeepalive() {
        return dropOnTextKeepalive;
    }

    /** Whether a refused topic gets the live venue's {@code ["error", ts, "Invalid topic: X", "subscribe"]} instead of the docs' {@code ["error", ts, "Topic does not exist"]}. */
    public boolean liveErrorFrames() {
        return liveErrorFrames;
    }

    /** Whether {@code POST /auth} answers an unknown API key 404 {@code NOT_FOUND}, as the live venue does, instead of the docs' 401. */
    public boolean unknownKeyAsNotFound() {
        return unknownKeyAsNotFound;
    }

    /** The venue-neutral part of these settings. */
    SimulatedVenue.Setup setup() {
        return new SimulatedVenue.Setup(markets, generator, generatorEnabled, clock, timer, requestsPerSecond,
                candleHistory, maxRequestBody);
    }

    /** Builder of {@link AlpSimulatorOptions}. */
    public static final class Builder {
        private List<MarketSpec> markets = DEFAULT_MARKETS;
        private boolean generatorEnabled = true;
        private GeneratorSettings generator = GeneratorSettings.defaults();
        private Duration jwtLifetime = Duration.ofHours(1);
        private Duration pingInterval = Duration.ofSeconds(20);
        private Duration pingTimeout = Duration.ofSeconds(30);
        private boolean welcomeInNanoseconds;
        private boolean textKeepalive;
        private Duration depthInterval = Duration.ofSeconds(1);
        private Duration tickerInterval = Duration.ofSeconds(1);
        private int requestsPerSecond = 1000;
        private int maxTopics = 20;
        private Clock clock = Clock.systemUTC();
        private Scheduler timer = Schedulers.parallel();
        private Duration candleHistory = Duration.ZERO;
        private int maxRequestBody = 1024 * 1024;
        private int maxFrameBytes = 64 * 1024;
        private boolean dropOnTextKeepalive;
        private boolean liveErrorFrames;
        private boolean unknownKeyAsNotFound;

        private Builder() {
        }

        public Builder markets(List<MarketSpec> value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("at least one market");
            }
            this.markets = List.copyOf(value);
            return this;
        }

        public Builder generatorEnabled(boolean value) {
            this.generatorEnabled = value;
            return this;
        }

        public Builder generator(GeneratorSettings value) {
            this.generator = Objects.requireNonNull(value, "generator");
            return this;
        }

        public Builder jwtLifetime(Duration value) {
            this.jwtLifetime = positive(value, "jwtLifetime");
            return this;
        }

        public Builder pingInterval(Duration value) {
            this.pingInterval = positive(value, "pingInterval");
            return this;
        }

        public Builder pingTimeout(Duration value) {
            this.pingTimeout = positive(value, "pingTimeout");
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

        public Builder requestsPerSecond(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("requestsPerSecond must be positive");
            }
            this.requestsPerSecond = value;
            return this;
        }

        public Builder maxTopics(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("maxTopics must be positive");
            }
            this.maxTopics = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder timer(Scheduler value) {
            this.timer = Objects.requireNonNull(value, "timer");
            return this;
        }

        public Builder candleHistory(Duration value) {
            Objects.requireNonNull(value, "candleHistory");
            if (value.isNegative()) {
                throw new IllegalArgumentException("candleHistory must not be negative");
            }
            this.candleHistory = value;
            return this;
        }

        public Builder maxRequestBody(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("maxRequestBody must be positive");
            }
            this.maxRequestBody = value;
            return this;
        }

        public Builder maxFrameBytes(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("maxFrameBytes must be positive");
            }
            this.maxFrameBytes = value;
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

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
