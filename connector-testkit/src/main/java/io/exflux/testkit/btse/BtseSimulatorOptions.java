package io.exflux.testkit.btse;

import io.exflux.api.model.CurrencyPair;
import io.exflux.testkit.sim.GeneratorSettings;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.VenueSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link BtseSimulator}: the shared {@link VenueSettings} plus BTSE's documented rate limits
 * per scope, the websocket limits and timing, the wallet's networks, withdrawal fees and conversion rates.
 * Immutable.
 *
 * <p>Defaults: markets BTC-USD, ETH-USD and ETH-BTC (price steps 0.1, 0.01 and 0.00001, size steps
 * 0.00001, 0.0001 and 0.0001, sizes from one step to 2,000 or 20,000); query 15 calls a second per API key (and per
 * IP for anonymous calls), orders 75, wallet 5; order-book frames every 50 ms, at most 50 levels; 100 topics
 * a connection; a socket that sends nothing for 60 s is closed; conversions at the generator's start prices
 * (BTC-USD 65,000, ETH-USD 3,200, ETH-BTC 0.05); withdrawal fees 0.0005 BTC, 0.005 ETH; wallet history
 * {@code status} and {@code type} as the seed's numbers.
 */
public final class BtseSimulatorOptions extends VenueSettings {

    /** The default markets. */
    public static final List<MarketSpec> DEFAULT_MARKETS = List.of(
            MarketSpec.of("BTC", "USD", 1, 5, "0.00001", "2000", "0"),
            MarketSpec.of("ETH", "USD", 2, 4, "0.0001", "20000", "0"),
            MarketSpec.of("ETH", "BTC", 5, 4, "0.0001", "20000", "0"));

    private final int queryCallsPerSecond;
    private final int orderCallsPerSecond;
    private final int walletCallsPerSecond;
    private final Duration bookInterval;
    private final int bookLevels;
    private final Duration idleTimeout;
    private final Duration sweepInterval;
    private final boolean historyAsText;
    private final Map<String, List<String>> networks;
    private final Map<String, BigDecimal> withdrawFees;
    private final Map<CurrencyPair, BigDecimal> convertRates;

    private BtseSimulatorOptions(Builder b) {
        super(b);
        this.queryCallsPerSecond = b.queryCallsPerSecond;
        this.orderCallsPerSecond = b.orderCallsPerSecond;
        this.walletCallsPerSecond = b.walletCallsPerSecond;
        this.bookInterval = b.bookInterval;
        this.bookLevels = b.bookLevels;
        this.idleTimeout = b.idleTimeout;
        this.sweepInterval = b.sweepInterval;
        this.historyAsText = b.historyAsText;
        this.networks = Map.copyOf(b.networks);
        this.withdrawFees = Map.copyOf(b.withdrawFees);
        this.convertRates = Map.copyOf(b.convertRates);
    }

    /** The defaults. */
    public static BtseSimulatorOptions defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder mutate() {
        Builder b = new Builder().from(this);
        b.queryCallsPerSecond = queryCallsPerSecond;
        b.orderCallsPerSecond = orderCallsPerSecond;
        b.walletCallsPerSecond = walletCallsPerSecond;
        b.bookInterval = bookInterval;
        b.bookLevels = bookLevels;
        b.idleTimeout = idleTimeout;
        b.sweepInterval = sweepInterval;
        b.historyAsText = historyAsText;
        b.networks = new LinkedHashMap<>(networks);
        b.withdrawFees = new LinkedHashMap<>(withdrawFees);
        b.convertRates = new LinkedHashMap<>(convertRates);
        return b;
    }

    /** Query calls (market data, order and trade lookups) per second per API key, and per IP when anonymous. */
    public int queryCallsPerSecond() {
        return queryCallsPerSecond;
    }

    /** Order calls (place, amend, cancel, cancel-all-after) per second per API key. */
    public int orderCallsPerSecond() {
        return orderCallsPerSecond;
    }

    /** Wallet calls per second per user. */
    public int walletCallsPerSecond() {
        return walletCallsPerSecond;
    }

    /** How often changed books go out as {@code update:} deltas and {@code snapshotL1} frames. */
    public Duration bookInterval() {
        return bookInterval;
    }

    /** Levels a side of a book snapshot and of the window deltas keep (the venue's 50). */
    public int bookLevels() {
        return bookLevels;
    }

    /** A socket whose client sent nothing (not even {@code ping}) for this long is closed. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** How often order expiries and the cancel-all-after deadlines are checked against the clock. */
    public Duration sweepInterval() {
        return sweepInterval;
    }

    /** Whether wallet history carries {@code status}/{@code type} as text (the current docs) instead of numbers. */
    public boolean historyAsText() {
        return historyAsText;
    }

    /** Networks per currency ({@code availableCurrencyNetworks}); a currency with none is fiat. */
    public Map<String, List<String>> networks() {
        return networks;
    }

    /** Withdrawal fee per currency (zero when absent). */
    public Map<String, BigDecimal> withdrawFees() {
        return withdrawFees;
    }

    /** Conversion rates: one unit of the base buys {@code rate} of the quote; the reverse is 1/rate. */
    public Map<CurrencyPair, BigDecimal> convertRates() {
        return convertRates;
    }

    /** Builds {@link BtseSimulatorOptions}. */
    public static final class Builder extends VenueSettings.Builder<Builder> {
        private int queryCallsPerSecond = 15;
        private int orderCallsPerSecond = 75;
        private int walletCallsPerSecond = 5;
        private Duration bookInterval = Duration.ofMillis(50);
        private int bookLevels = 50;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration sweepInterval = Duration.ofMillis(100);
        private boolean historyAsText;
        private Map<String, List<String>> networks = new LinkedHashMap<>(Map.of(
                "BTC", List.of("Bitcoin", "Liquid"), "ETH", List.of("ERC20"), "USDT", List.of("ERC20", "TRC20")));
        private Map<String, BigDecimal> withdrawFees = new LinkedHashMap<>(Map.of(
                "BTC", new BigDecimal("0.0005"), "ETH", new BigDecimal("0.005")));
        private Map<CurrencyPair, BigDecimal> convertRates = new LinkedHashMap<>();

        private Builder() {
            super(DEFAULT_MARKETS);
            maxTopics(100);
            // BTSE's limits are the front's own, per scope; the shared budget stays out of the way
            requestsPerSecond(1_000_000);
            Map<CurrencyPair, BigDecimal> prices = Map.of(
                    CurrencyPair.of("BTC", "USD"), new BigDecimal("65000"),
                    CurrencyPair.of("ETH", "USD"), new BigDecimal("3200"),
                    CurrencyPair.of("ETH", "BTC"), new BigDecimal("0.05"));
            generator(GeneratorSettings.defaults().withStartPrices(prices));
            convertRates.putAll(prices);
        }

        private Builder from(BtseSimulatorOptions options) {
            return copy(options);
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder queryCallsPerSecond(int value) {
            this.queryCallsPerSecond = positive(value, "queryCallsPerSecond");
            return this;
        }

        public Builder orderCallsPerSecond(int value) {
            this.orderCallsPerSecond = positive(value, "orderCallsPerSecond");
            return this;
        }

        public Builder walletCallsPerSecond(int value) {
            this.walletCallsPerSecond = positive(value, "walletCallsPerSecond");
            return this;
        }

        /** Every limit so high that tests of other things never meet them. */
        public Builder unthrottled() {
            return queryCallsPerSecond(1_000_000).orderCallsPerSecond(1_000_000).walletCallsPerSecond(1_000_000);
        }

        public Builder bookInterval(Duration value) {
            this.bookInterval = positive(value, "bookInterval");
            return this;
        }

        public Builder bookLevels(int value) {
            this.bookLevels = positive(value, "bookLevels");
            return this;
        }

        public Builder idleTimeout(Duration value) {
            this.idleTimeout = positive(value, "idleTimeout");
            return this;
        }

        public Builder sweepInterval(Duration value) {
            this.sweepInterval = positive(value, "sweepInterval");
            return this;
        }

        /** Wallet history {@code status}/{@code type} as text ({@code COMPLETED}, {@code Deposit}), as the current docs. */
        public Builder historyAsText(boolean value) {
            this.historyAsText = value;
            return this;
        }

        /** The networks of a currency (empty: fiat, no deposit address nor withdrawal). */
        public Builder networks(String currency, List<String> names) {
            networks.put(Objects.requireNonNull(currency, "currency"), List.copyOf(names));
            return this;
        }

        public Builder withdrawFee(String currency, BigDecimal fee) {
            if (fee.signum() < 0) {
                throw new IllegalArgumentException("fee must not be negative");
            }
            withdrawFees.put(Objects.requireNonNull(currency, "currency"), fee);
            return this;
        }

        /** One {@code base} converts to {@code rate} of {@code quote} (and back at 1/rate). */
        public Builder convertRate(String base, String quote, BigDecimal rate) {
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("rate must be positive");
            }
            convertRates.put(CurrencyPair.of(base, quote), rate);
            return this;
        }

        public BtseSimulatorOptions build() {
            return new BtseSimulatorOptions(this);
        }
    }
}
