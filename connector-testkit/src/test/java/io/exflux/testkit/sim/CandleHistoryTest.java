package io.exflux.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The made-up past of a market: continuous, consistent, ending at the start price, the same for the same seed. */
class CandleHistoryTest {

    private static final MarketSpec BTC = MarketSpec.of("BTC", "USDT", 2, 8, "0.0001", "100", "10");
    private static final Instant END = Instant.parse("2026-11-22T10:00:30Z");

    private static CandleHistory history(long seed) {
        return CandleHistory.generate(BTC, new BigDecimal("65000"), END, Duration.ofDays(3), seed);
    }

    @Test
    void minuteCandlesAreContinuousConsistentAndEndAtTheStartPrice() {
        CandleHistory history = history(42);
        assertThat(history.end()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(history.start()).isEqualTo(history.end().minus(Duration.ofDays(3)));
        List<MarketStats.Candle> minutes = history.candles(60, 0, 0, 500);
        assertThat(minutes).hasSize(500);
        for (int i = 0; i < minutes.size(); i++) {
            MarketStats.Candle c = minutes.get(i);
            assertThat(c.low()).isLessThanOrEqualTo(c.open().min(c.close()));
            assertThat(c.high()).isGreaterThanOrEqualTo(c.open().max(c.close()));
            assertThat(c.takerBuyBase()).isLessThanOrEqualTo(c.volume());
            assertThat(c.tradesCount()).isPositive();
            if (i > 0) {
                assertThat(c.time() - minutes.get(i - 1).time()).isEqualTo(60);
                assertThat(c.open()).isEqualByComparingTo(minutes.get(i - 1).close());
            }
        }
        assertThat(minutes.get(minutes.size() - 1).close()).isEqualByComparingTo("65000");
        assertThat(minutes.get(minutes.size() - 1).time()).isEqualTo(history.end().getEpochSecond() - 60);
    }

    @Test
    void widerCandlesAggregateTheMinutesAndRangesAreInclusive() {
        CandleHistory history = history(42);
        long hour = history.end().getEpochSecond() - 3600;
        List<MarketStats.Candle> minutes = history.candles(60, hour, hour + 3599, 500);
        assertThat(minutes).hasSize(60);
        MarketStats.Candle hourly = history.candles(3600, hour, hour, 500).get(0);
        assertThat(hourly.time()).isEqualTo(hour);
        assertThat(hourly.open()).isEqualByComparingTo(minutes.get(0).open());
        assertThat(hourly.close()).isEqualByComparingTo(minutes.get(59).close());
        assertThat(hourly.volume()).isEqualByComparingTo(
                minutes.stream().map(MarketStats.Candle::volume).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(hourly.high()).isEqualByComparingTo(
                minutes.stream().map(MarketStats.Candle::high).reduce(BigDecimal::max).orElseThrow());
        assertThat(history.candles(3600, 0, 0, 1000)).hasSize(72);
        assertThat(history.candles(3600, history.end().getEpochSecond(), 0, 500)).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameHistoryAndAnotherSeedAnother() {
        assertThat(history(42).candles(900, 0, 0, 288)).isEqualTo(history(42).candles(900, 0, 0, 288));
        assertThat(history(43).candles(900, 0, 0, 288)).isNotEqualTo(history(42).candles(900, 0, 0, 288));
    }
}
