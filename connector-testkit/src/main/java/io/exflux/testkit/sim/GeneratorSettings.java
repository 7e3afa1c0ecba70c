package io.exflux.testkit.sim;

import io.exflux.api.model.CurrencyPair;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link MarketGenerator} trades.
 *
 * @param seed        seed of the random source: the same seed and the same steps give the same market
 * @param stepInterval time between steps; each step does one action per market (the rate setting)
 * @param startPrices  first mid price per pair; a pair without one starts at 100
 * @param volatility   standard deviation of the mid price's relative move per step (e.g. 0.0002)
 * @param minLevels    the generator tops up each side of each book to at least this many levels
 * @param maxOrders    resting orders per market and side kept by the maker before it cancels the oldest
 */
public record GeneratorSettings(long seed, Duration stepInterval, Map<CurrencyPair, BigDecimal> startPrices,
                                double volatility, int minLevels, int maxOrders) {

    public GeneratorSettings {
        Objects.requireNonNull(stepInterval, "stepInterval");
        if (stepInterval.isZero() || stepInterval.isNegative()) {
            throw new IllegalArgumentException("stepInterval must be positive");
        }
        startPrices = Map.copyOf(startPrices);
        if (volatility < 0 || minLevels < 0 || maxOrders < minLevels) {
            throw new IllegalArgumentException("invalid generator settings");
        }
    }

    /** Seed 42, a step every 100 ms, BTC/USDT near 65,000 and ETH/USDT near 3,200, 25 levels a side. */
    public static GeneratorSettings defaults() {
        return new GeneratorSettings(42L, Duration.ofMillis(100),
                Map.of(CurrencyPair.of("BTC", "USDT"), new BigDecimal("65000"),
                        CurrencyPair.of("ETH", "USDT"), new BigDecimal("3200")),
                0.0002, 25, 60);
    }

    public GeneratorSettings withSeed(long value) {
        return new GeneratorSettings(value, stepInterval, startPrices, volatility, minLevels, maxOrders);
    }

    public GeneratorSettings withStepInterval(Duration value) {
        return new GeneratorSettings(seed, value, startPrices, volatility, minLevels, maxOrders);
    }

    public GeneratorSettings withStartPrices(Map<CurrencyPair, BigDecimal> value) {
        return new GeneratorSettings(seed, stepInterval, value, volatility, minLevels, maxOrders);
    }

    public GeneratorSettings withVolatility(double value) {
        return new GeneratorSettings(seed, stepInterval, startPrices, value, minLevels, maxOrders);
    }

    public GeneratorSettings withLevels(int min, int max) {
        return new GeneratorSettings(seed, stepInterval, startPrices, volatility, min, max);
    }
}
