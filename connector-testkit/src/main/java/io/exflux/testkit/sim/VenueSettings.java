package io.exflux.testkit.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The settings every simulated venue has, whatever its front: markets, the market generator, clock and
 * timer, the REST budget, the request body limit, the candle history and the topics a socket may hold. A
 * venue's options extend it and its builder extends {@link Builder}, so these setters chain with the venue's
 * own. Immutable.
 *
 * <p>Defaults: the generator on (seed 42, a step every 100 ms), the system UTC clock, the parallel
 * scheduler, 1,000 REST requests per second before 429, request bodies up to 1 MiB, no candle history, 100
 * topics a socket (a venue's builder sets its own).
 */
public abstract class VenueSettings {

    private final List<MarketSpec> markets;
    private final boolean generatorEnabled;
    private final GeneratorSettings generator;
    private final Clock clock;
    private final Scheduler timer;
    private final int requestsPerSecond;
    private final Duration candleHistory;
    private final int maxRequestBody;
    private final int maxTopics;

    protected VenueSettings(Builder<?> b) {
        this.markets = List.copyOf(b.markets);
        this.generatorEnabled = b.generatorEnabled;
        this.generator = b.generator;
        this.clock = b.clock;
        this.timer = b.timer;
        this.requestsPerSecond = b.requestsPerSecond;
        this.candleHistory = b.candleHistory;
        this.maxRequestBody = b.maxRequestBody;
        this.maxTopics = b.maxTopics;
    }

    /** Markets to open. */
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

    /** Clock of timestamps, token expiry and the request budget. */
    public Clock clock() {
        return clock;
    }

    /** Paces the generator, keepalive and periodic frames. */
    public Scheduler timer() {
        return timer;
    }

    /** REST requests per second (all clients together) before the venue answers 429. */
    public int requestsPerSecond() {
        return requestsPerSecond;
    }

    /**
     * Span of made-up, seeded past candles before the start, so charts have a history
     * ({@link Duration#ZERO}: none).
     */
    public Duration candleHistory() {
        return candleHistory;
    }

    /** Largest REST request body accepted, in bytes; a larger one is answered 413 and not kept. */
    public int maxRequestBody() {
        return maxRequestBody;
    }

    /** Topics (channels) one websocket connection may hold; one more is refused the venue's way. */
    public int maxTopics() {
        return maxTopics;
    }

    /** The builder of a venue's settings; {@code B} is the venue's own builder, so setters chain. */
    public abstract static class Builder<B extends Builder<B>> {
        private List<MarketSpec> markets;
        private boolean generatorEnabled = true;
        private GeneratorSettings generator = GeneratorSettings.defaults();
        private Clock clock = Clock.systemUTC();
        private Scheduler timer = Schedulers.parallel();
        private int requestsPerSecond = 1000;
        private Duration candleHistory = Duration.ZERO;
        private int maxRequestBody = 1024 * 1024;
        private int maxTopics = 100;

        /** A builder with these default markets and the other defaults. */
        protected Builder(List<MarketSpec> defaultMarkets) {
            this.markets = List.copyOf(defaultMarkets);
        }

        /** Copies the shared settings of {@code from} (for a venue's {@code mutate()}). */
        protected final B copy(VenueSettings from) {
            this.markets = from.markets;
            this.generatorEnabled = from.generatorEnabled;
            this.generator = from.generator;
            this.clock = from.clock;
            this.timer = from.timer;
            this.requestsPerSecond = from.requestsPerSecond;
            this.candleHistory = from.candleHistory;
            this.maxRequestBody = from.maxRequestBody;
            this.maxTopics = from.maxTopics;
            return self();
        }

        /** This builder as its own type. */
        protected abstract B self();

        public B markets(List<MarketSpec> value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("at least one market");
            }
            this.markets = List.copyOf(value);
            return self();
        }

        public B generatorEnabled(boolean value) {
            this.generatorEnabled = value;
            return self();
        }

        public B generator(GeneratorSettings value) {
            this.generator = Objects.requireNonNull(value, "generator");
            return self();
        }

        public B clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return self();
        }

        public B timer(Scheduler value) {
            this.timer = Objects.requireNonNull(value, "timer");
            return self();
        }

        public B requestsPerSecond(int value) {
            this.requestsPerSecond = positive(value, "requestsPerSecond");
            return self();
        }

        public B candleHistory(Duration value) {
            Objects.requireNonNull(value, "candleHistory");
            if (value.isNegative()) {
                throw new IllegalArgumentException("candleHistory must not be negative");
            }
            this.candleHistory = value;
            return self();
        }

        public B maxRequestBody(int value) {
            this.maxRequestBody = positive(value, "maxRequestBody");
            return self();
        }

        /** Topics one websocket connection may hold (positive). */
        public B maxTopics(int value) {
            this.maxTopics = positive(value, "maxTopics");
            return self();
        }

        /** Fails fast on a duration that must be positive. */
        protected static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }

        /** Fails fast on a count that must be positive. */
        protected static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
