package io.exflux.testkit.alp;

import io.exflux.testkit.sim.GeneratorSettings;
import io.exflux.testkit.sim.MarketSpec;
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
 * (20000/30000, like the live venue), no text {@code 1}/{@code 2} keepalive, {@code p} frames at most once
 * a second, 1,000 REST requests per second before 429.
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
