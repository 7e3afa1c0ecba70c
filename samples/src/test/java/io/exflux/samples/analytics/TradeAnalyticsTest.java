package io.exflux.samples.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Trade;
import io.exflux.testkit.sim.GeneratorSettings;
import io.exflux.testkit.sim.MarketGenerator;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.SimTrade;
import io.exflux.testkit.sim.VenueSimulator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The analytics pipeline against the simulator: bars and VWAP from the live trade stream equal those
 * computed directly, with plain loops, from the simulator's own trade log.
 */
class TradeAnalyticsTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");
    private static final Instant START = Instant.parse("2026-11-22T10:00:30Z");

    /** A clock the test moves: the simulator stamps each trade with it. */
    private static final class SteppedClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(START);

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void minuteBarsAndVwapFromTheTradeStreamMatchTheSimulatorsTradeLog() {
        SteppedClock clock = new SteppedClock();
        List<Bar> bars = new CopyOnWriteArrayList<>();
        List<Vwap> vwaps = new CopyOnWriteArrayList<>();
        try (VenueSimulator sim = VenueSimulator.builder()
                .market(MarketSpec.of("BTC", "USDT", 2, 6, "0.0001", "100", "10"))
                .clock(clock).executor(Schedulers.immediate()).build()) {
            MarketGenerator generator = new MarketGenerator(sim, GeneratorSettings.defaults().withSeed(11),
                    Schedulers.immediate());
            generator.prepare().block();
            Flux<Trade> trades = watchTrades(sim).publish().autoConnect(2);
            Disposable barRun = TradeAnalytics.bars(trades, TradeAnalytics.ONE_MINUTE).subscribe(bars::add);
            Disposable vwapRun = TradeAnalytics.vwap(trades).subscribe(vwaps::add);

            for (int step = 0; step < 400; step++) {
                clock.advance(Duration.ofMillis(1500));
                generator.step().block();
            }
            List<SimTrade> log = sim.trades(BTC_USDT);
            sim.close();
            barRun.dispose();
            vwapRun.dispose();

            List<Bar> expected = barsFromLog(log);
            assertThat(expected).hasSizeGreaterThan(5);
            assertThat(bars).containsExactlyElementsOf(expected);
            BigDecimal value = log.stream().map(SimTrade::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal volume = log.stream().map(SimTrade::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(vwaps).hasSize(log.size());
            assertThat(vwaps.get(vwaps.size() - 1).vwap())
                    .isEqualByComparingTo(value.divide(volume, BarBuilder.VWAP_PRECISION));
        }
    }

    /** The simulator's trades as the unified API's live trade stream would deliver them. */
    private static Flux<Trade> watchTrades(VenueSimulator sim) {
        return sim.tradeFeed().filter(t -> t.pair().equals(BTC_USDT))
                .map(t -> new Trade(t.pair(), String.valueOf(t.id()), t.price(), t.amount(), t.takerSide(), t.time()));
    }

    /** Bars the plain way: group the log by minute, then loop. */
    private static List<Bar> barsFromLog(List<SimTrade> log) {
        Map<Instant, List<SimTrade>> byMinute = new TreeMap<>();
        for (SimTrade t : log) {
            Instant minute = Instant.ofEpochSecond(t.time().getEpochSecond() / 60 * 60);
            byMinute.computeIfAbsent(minute, m -> new ArrayList<>()).add(t);
        }
        List<Bar> bars = new ArrayList<>();
        byMinute.forEach((minute, trades) -> {
            BigDecimal high = trades.get(0).price();
            BigDecimal low = trades.get(0).price();
            BigDecimal volume = BigDecimal.ZERO;
            BigDecimal quote = BigDecimal.ZERO;
            for (SimTrade t : trades) {
                high = high.max(t.price());
                low = low.min(t.price());
                volume = volume.add(t.amount());
                quote = quote.add(t.value());
            }
            bars.add(new Bar(BTC_USDT, minute, Duration.ofMinutes(1), trades.get(0).price(), high, low,
                    trades.get(trades.size() - 1).price(), volume, quote,
                    quote.divide(volume, BarBuilder.VWAP_PRECISION), trades.size()));
        });
        return bars;
    }
}
