package io.exflux.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class VenueSimulatorTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");
    private static final CurrencyPair ETH_USDT = CurrencyPair.of("ETH", "USDT");

    private static VenueSimulator simulator() {
        return VenueSimulator.builder()
                .market(MarketSpec.of("BTC", "USDT", 2, 6, "0.0001", "100", "10"))
                .market(MarketSpec.of("ETH", "USDT", 2, 5, "0.001", "1000", "10"))
                .executor(Schedulers.immediate())
                .build();
    }

    private static List<String> runGenerator(long seed, int steps) {
        try (VenueSimulator sim = simulator()) {
            MarketGenerator generator = new MarketGenerator(sim, GeneratorSettings.defaults().withSeed(seed),
                    Schedulers.immediate());
            for (int i = 0; i < steps; i++) {
                generator.step().block();
            }
            return sim.trades().stream()
                    .map(t -> t.pair() + " " + t.takerSide() + " " + t.amount().toPlainString() + "@" + t.price().toPlainString())
                    .toList();
        }
    }

    @Test
    void sameSeedGivesTheSameTradesAndAnotherSeedDoesNot() {
        List<String> first = runGenerator(7, 300);
        List<String> second = runGenerator(7, 300);
        List<String> other = runGenerator(8, 300);

        assertThat(first).hasSizeGreaterThan(50).isEqualTo(second);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void generatorKeepsBooksDeepAndUncrossedAndPricesNearTheStart() {
        try (VenueSimulator sim = simulator()) {
            MarketGenerator generator = new MarketGenerator(sim, GeneratorSettings.defaults(), Schedulers.immediate());
            for (int i = 0; i < 500; i++) {
                generator.step().block();
            }
            for (CurrencyPair pair : List.of(BTC_USDT, ETH_USDT)) {
                OrderBook book = sim.book(pair, 20);
                assertThat(book.bids()).hasSize(20);
                assertThat(book.asks()).hasSize(20);
                assertThat(book.isCrossed()).isFalse();
            }
            BigDecimal btc = sim.book(BTC_USDT, 1).mid().orElseThrow();
            assertThat(btc).isBetween(new BigDecimal("55000"), new BigDecimal("75000"));
            assertThat(sim.trades(ETH_USDT)).isNotEmpty();
        }
    }

    @Test
    void generatorIsPacedByItsSchedulerInVirtualTime() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        try (VenueSimulator sim = simulator()) {
            MarketGenerator generator = new MarketGenerator(sim,
                    GeneratorSettings.defaults().withStepInterval(Duration.ofSeconds(1)), time);
            generator.start();
            assertThat(generator.isRunning()).isTrue();
            assertThat(sim.trades()).isEmpty();

            time.advanceTimeBy(Duration.ofSeconds(60));
            int afterOneMinute = sim.trades().size();
            assertThat(afterOneMinute).isPositive();

            generator.stop();
            time.advanceTimeBy(Duration.ofSeconds(60));
            assertThat(sim.trades()).hasSize(afterOneMinute);
        } finally {
            time.dispose();
        }
    }

    @Test
    void callsFromManyThreadsAreSerialisedAndEventsArePublished() {
        try (VenueSimulator sim = VenueSimulator.builder()
                .market(MarketSpec.of("BTC", "USDT", 2, 6, "0.0001", "100", "1")).build()) {
            long maker = sim.createAccount().block();
            long taker = sim.createAccount().block();
            sim.deposit(maker, "SPOT", "BTC", new BigDecimal("100")).block();
            sim.deposit(taker, "SPOT", "USDT", new BigDecimal("1000000")).block();

            StepVerifier.create(sim.tradeFeed().take(40))
                    .then(() -> Flux.range(0, 40)
                            .flatMap(i -> sim.place(SimOrderRequest.limit(maker, BTC_USDT, Side.SELL, "1", "100"))
                                    .subscribeOn(Schedulers.parallel())
                                    .then(sim.place(SimOrderRequest.marketByBase(taker, BTC_USDT, Side.BUY, "1"))
                                            .subscribeOn(Schedulers.parallel())))
                            .blockLast())
                    .expectNextCount(40)
                    .verifyComplete();
            assertThat(sim.trades()).hasSize(40);
            assertThat(sim.book(BTC_USDT, 10).asks()).isEmpty();
            assertThat(sim.balances(taker).block()).filteredOn(b -> b.currency().equals("BTC"))
                    .singleElement().satisfies(b -> assertThat(b.total()).isEqualByComparingTo("40"));
        }
    }
}
