package io.exflux.samples.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Trade;
import io.exflux.reactive.venue.alp.AlpExchangeClient;
import io.exflux.reactive.venue.alp.AlpOptions;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.sim.GeneratorSettings;
import io.exflux.testkit.sim.SimTrade;
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
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The analytics pipeline end to end: {@code watchTrades} of the real ALP client over the simulator's
 * websocket, into bars and VWAP, which must equal those computed directly, with plain loops, from the
 * simulator's own trade log. The market runs on a stepped clock, so minutes pass in milliseconds.
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
    void minuteBarsAndVwapFromWatchTradesMatchTheSimulatorsTradeLog() throws Exception {
        SteppedClock clock = new SteppedClock();
        AlpSimulatorOptions options = AlpSimulatorOptions.builder().generatorEnabled(false).clock(clock)
                .generator(GeneratorSettings.defaults().withSeed(11)).build();
        try (AlpSimulator alp = AlpSimulator.start(options);
             AlpExchangeClient client = AlpExchangeClient.create(AlpOptions.builder()
                     .restUrl(alp.restBaseUrl()).wsUrl(alp.websocketUrl()).build())) {
            alp.generator().prepare().block();
            List<Trade> received = new CopyOnWriteArrayList<>();
            Sinks.One<Boolean> done = Sinks.one();
            Flux<Trade> trades = client.watchTrades(BTC_USDT)
                    .doOnNext(received::add)
                    .takeUntilOther(done.asMono())
                    .publish().autoConnect(2);
            Mono<List<Bar>> bars = TradeAnalytics.bars(trades, TradeAnalytics.ONE_MINUTE).collectList().cache();
            Mono<List<Vwap>> vwaps = TradeAnalytics.vwap(trades).collectList().cache();
            bars.subscribe();
            vwaps.subscribe();

            // Step until the stream delivers (the subscription is live), then run the market for a while.
            long live = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.isEmpty()) {
                assertThat(System.nanoTime()).as("the trade stream delivers a first trade").isLessThan(live);
                step(alp, clock);
                Thread.sleep(20);
            }
            for (int i = 0; i < 300; i++) {
                step(alp, clock);
            }
            List<SimTrade> log = alp.trades(BTC_USDT.symbol("_"));
            String lastId = String.valueOf(log.get(log.size() - 1).id());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.stream().noneMatch(t -> t.id().equals(lastId))) {
                assertThat(System.nanoTime()).as("the last trade reaches the stream; received %d of %d",
                        received.size(), log.size()).isLessThan(deadline);
                Thread.sleep(20);
            }
            done.tryEmitValue(Boolean.TRUE);
            List<Bar> actual = bars.block(Duration.ofSeconds(20));
            List<Vwap> vwap = vwaps.block(Duration.ofSeconds(20));

            long firstSeen = Long.parseLong(received.get(0).id());
            List<SimTrade> seen = log.stream().filter(t -> t.id() >= firstSeen).toList();
            List<Bar> expected = barsFromLog(seen);
            assertThat(expected).hasSizeGreaterThan(5);
            assertThat(actual).usingRecursiveFieldByFieldElementComparator(
                    RecursiveComparisonConfiguration.builder()
                            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                    .containsExactlyElementsOf(expected);
            BigDecimal value = seen.stream().map(SimTrade::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal volume = seen.stream().map(SimTrade::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(vwap).hasSize(seen.size());
            assertThat(vwap.get(vwap.size() - 1).vwap())
                    .isEqualByComparingTo(value.divide(volume, BarBuilder.VWAP_PRECISION));
        }
    }

    /** One market step, 1.5 simulated seconds after the previous one. */
    private static void step(AlpSimulator alp, SteppedClock clock) {
        clock.advance(Duration.ofMillis(1500));
        alp.generator().step().block();
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
