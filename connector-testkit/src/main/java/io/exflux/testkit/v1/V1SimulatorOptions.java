package io.exflux.testkit.v1;

import io.exflux.api.model.CurrencyPair;
import io.exflux.testkit.sim.GeneratorSettings;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.PingingVenueSettings;
import io.exflux.testkit.sim.VenueSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link V1Simulator}: the shared {@link VenueSettings} plus the dialect, the documented rate
 * limits (overridable), and the socket's engine.io timing ({@link PingingVenueSettings}: the {@code pingInterval}
 * and {@code pingTimeout} of the open packet). Immutable.
 *
 * <p>Defaults: markets BTC_USD, ETH_USD and ETH_BTC (prices with 3, 3 and 6 decimals, amounts with 8, from
 * 0.00000001 to 100,000,000 as the documents' pair example); the dialect's rate limits; engine.io
 * {@code pingInterval} 25 s and {@code pingTimeout} 20 s; a socket.io revision 5 client must connect its
 * namespace within 45 s; at most 50 channels per socket.
 */
public final class V1SimulatorOptions extends PingingVenueSettings {

    /** The default markets. */
    public static final List<MarketSpec> DEFAULT_MARKETS = List.of(
            MarketSpec.of("BTC", "USD", 3, 8, "0.00000001", "100000000", "0"),
            MarketSpec.of("ETH", "USD", 3, 8, "0.00000001", "100000000", "0"),
            MarketSpec.of("ETH", "BTC", 6, 8, "0.00000001", "100000000", "0"));

    private final V1Dialect dialect;
    private final int ipCallsPerSecond;
    private final int accountCallsPerSecond;
    private final Duration connectTimeout;

    private V1SimulatorOptions(Builder b) {
        super(b);
        this.dialect = b.dialect;
        this.ipCallsPerSecond = b.ipCallsPerSecond > 0 ? b.ipCallsPerSecond : dialect.ipCallsPerSecond();
        this.accountCallsPerSecond = b.accountCallsPerSecond >= 0 ? b.accountCallsPerSecond
                : dialect.accountCallsPerSecond();
        this.connectTimeout = b.connectTimeout;
    }

    /** The defaults of this venue. */
    public static V1SimulatorOptions defaults(V1Dialect dialect) {
        return builder(dialect).build();
    }

    /** A builder holding the defaults of this venue. */
    public static Builder builder(V1Dialect dialect) {
        return new Builder(Objects.requireNonNull(dialect, "dialect"));
    }

    /** A builder holding these options. */
    public Builder mutate() {
        Builder b = new Builder(dialect).from(this);
        b.ipCallsPerSecond = ipCallsPerSecond;
        b.accountCallsPerSecond = accountCallsPerSecond;
        b.connectTimeout = connectTimeout;
        return b;
    }

    public V1Dialect dialect() {
        return dialect;
    }

    /** Calls per second from one IP before 429 (BTC-Alpha: every call; bitexbit: public calls). */
    public int ipCallsPerSecond() {
        return ipCallsPerSecond;
    }

    /** Private calls per second per account before 429; 0 when private calls count against the IP limit. */
    public int accountCallsPerSecond() {
        return accountCallsPerSecond;
    }

    /** How long a socket.io revision 5 client has to send its namespace CONNECT. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Channels one socket may hold: the v1 word for {@link #maxTopics()}. */
    public int maxChannels() {
        return maxTopics();
    }

    /** Builds {@link V1SimulatorOptions}. */
    public static final class Builder extends PingingVenueSettings.Builder<Builder> {
        private final V1Dialect dialect;
        private int ipCallsPerSecond = -1;
        private int accountCallsPerSecond = -1;
        private Duration connectTimeout = Duration.ofSeconds(45);

        private Builder(V1Dialect dialect) {
            super(DEFAULT_MARKETS, Duration.ofSeconds(25), Duration.ofSeconds(20));
            this.dialect = dialect;
            maxTopics(50);
            // the v1 limits are the front's own (per IP and per account); the shared budget stays out of the way
            requestsPerSecond(1_000_000);
            generator(GeneratorSettings.defaults().withStartPrices(Map.of(
                    CurrencyPair.of("BTC", "USD"), new BigDecimal("65000"),
                    CurrencyPair.of("ETH", "USD"), new BigDecimal("3200"),
                    CurrencyPair.of("ETH", "BTC"), new BigDecimal("0.05"))));
        }

        private Builder from(V1SimulatorOptions options) {
            return copy(options);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Calls per second from one IP (BTC-Alpha: every call; bitexbit: public calls). */
        public Builder ipCallsPerSecond(int value) {
            this.ipCallsPerSecond = positive(value, "ipCallsPerSecond");
            return this;
        }

        /** Private calls per second per account; 0 counts private calls against the IP limit. */
        public Builder accountCallsPerSecond(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("accountCallsPerSecond must not be negative");
            }
            this.accountCallsPerSecond = value;
            return this;
        }

        /** Both limits so high that tests of other things never meet them. */
        public Builder unthrottled() {
            return ipCallsPerSecond(1_000_000).accountCallsPerSecond(1_000_000);
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** Channels one socket may hold: the v1 word for {@link #maxTopics(int)}. */
        public Builder maxChannels(int value) {
            return maxTopics(value);
        }

        public V1SimulatorOptions build() {
            return new V1SimulatorOptions(this);
        }
    }
}
