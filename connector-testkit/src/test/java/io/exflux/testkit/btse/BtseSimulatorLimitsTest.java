package io.exflux.testkit.btse;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.testkit.alp.MutableClock;
import io.exflux.testkit.sim.ApiKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Rate limits per scope as the simulator counts them, and what runs on its clock: cancel-all-after and timed orders. */
class BtseSimulatorLimitsTest {

    @Test
    void eachScopeHasItsOwnBudgetPerSecondAnd429CarriesRetryAfter() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00.100Z"));
        try (BtseSimulator sim = BtseSimulator.start(BtseSimulatorOptions.builder().generatorEnabled(false).clock(clock).build())) {
            BtseCalls calls = new BtseCalls(sim);
            for (int i = 0; i < 15; i++) {
                assertThat(calls.get("/time").status()).isEqualTo(200);
            }
            BtseCalls.Answer refused = calls.get("/time");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.retryAfter()).isEqualTo("1");
            assertThat(refused.code()).isEqualTo(429);
            ApiKeys.ApiKey me = sim.createAccount(Map.of());
            for (int i = 0; i < 5; i++) {
                assertThat(calls.get("/user/wallet", me).status()).as("a key's budget is not the IP's").isEqualTo(200);
            }
            assertThat(calls.get("/user/wallet", me).status()).isEqualTo(429);
            assertThat(calls.get("/user/open_orders", me).status()).as("the query scope of the key").isEqualTo(200);
            clock.advance(Duration.ofSeconds(1));
            assertThat(calls.get("/time").status()).as("the next second").isEqualTo(200);

            BtseSimulator.ScopeCount query = sim.rateCount(BtseSimulator.Scope.QUERY);
            assertThat(query.busiestSecond()).isEqualTo(15);
            assertThat(query.refused()).isEqualTo(1);
            assertThat(query.accepted()).isEqualTo(17);
            assertThat(sim.rateCount(BtseSimulator.Scope.WALLET).busiestSecond()).isEqualTo(5);
            assertThat(sim.rateCount(BtseSimulator.Scope.ORDERS).accepted()).isZero();
        }
    }

    @Test
    void cancelAllAfterAndTimedOrdersFireOnTheSimulatorsClock() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
        BtseSimulatorOptions options = BtseSimulatorOptions.builder().generatorEnabled(false).unthrottled()
                .clock(clock).timer(time).build();
        try (BtseSimulator sim = BtseSimulator.start(options)) {
            BtseCalls calls = new BtseCalls(sim);
            ApiKeys.ApiKey me = sim.createAccount(Map.of("USD", new BigDecimal("1000")));
            calls.post("/order", BtseSimulatorOrdersTest.order("BUY", "LIMIT", "0.001", "1000", ",\"time_in_force\":\"HALFMIN\""), me);
            calls.post("/order", BtseSimulatorOrdersTest.order("BUY", "LIMIT", "0.001", "1001", ""), me);
            assertThat(calls.post("/order/cancelAllAfter", "{\"timeout\":60000}", me).status()).isEqualTo(200);
            assertThat(sim.cancelAllAfterDeadline(me)).contains(Instant.parse("2026-11-29T12:01:00Z"));

            advance(time, clock, Duration.ofSeconds(31));
            awaitOpenOrders(calls, me, 1);
            advance(time, clock, Duration.ofSeconds(28));
            assertThat(calls.get("/user/open_orders", me).body()).as("59 s: the switch holds").hasSize(1);
            advance(time, clock, Duration.ofSeconds(2));
            awaitOpenOrders(calls, me, 0);
            assertThat(sim.cancelAllAfterDeadline(me)).isEmpty();

            calls.post("/order/cancelAllAfter", "{\"timeout\":1000}", me);
            calls.post("/order/cancelAllAfter", "{\"timeout\":0}", me);
            assertThat(sim.cancelAllAfterDeadline(me)).as("0 disarms").isEmpty();
        }
    }

    private static void advance(VirtualTimeScheduler time, MutableClock clock, Duration step) {
        clock.advance(step);
        time.advanceTimeBy(step);
    }

    private static void awaitOpenOrders(BtseCalls calls, ApiKeys.ApiKey key, int count) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (calls.get("/user/open_orders", key).body().size() != count) {
            assertThat(System.nanoTime()).as("open orders never became %d", count).isLessThan(end);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
