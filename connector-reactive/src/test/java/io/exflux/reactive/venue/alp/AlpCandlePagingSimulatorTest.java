package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.Candle;
import io.exflux.api.model.CandleInterval;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Side;
import io.exflux.testkit.alp.AlpAccount;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.sim.SimOrderRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Candle paging against the simulator, which (like the live venue as far as anyone knows) answers the
 * newest 500 candles of a range that holds more.
 */
class AlpCandlePagingSimulatorTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");
    private static final long START = 1_700_000_040L; // a whole minute

    /** The simulator's clock, moved by the test. */
    private static final class ManualClock extends Clock {
        private volatile Instant now = Instant.ofEpochSecond(START);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private AlpSimulator sim;
    private AlpExchangeClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.closeGracefully().block(Duration.ofSeconds(5));
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void twoThousandMinutesComeBackWholeAndInOrder() {
        ManualClock clock = new ManualClock();
        sim = AlpSimulator.start(AlpSimulatorOptions.builder().generatorEnabled(false).clock(clock).build());
        AlpAccount maker = sim.createAccount(Map.of("BTC", new BigDecimal("10")));
        AlpAccount taker = sim.createAccount(Map.of("USDT", new BigDecimal("1000000")));
        int minutes = 2_000;
        for (int i = 0; i < minutes; i++) {
            clock.now = Instant.ofEpochSecond(START + 60L * i + 7);
            String price = Integer.toString(20_000 + i % 50);
            sim.simulator().place(SimOrderRequest.limit(maker.id(), BTC_USDT, Side.SELL, "0.001", price))
                    .block(Duration.ofSeconds(5));
            sim.simulator().place(SimOrderRequest.limit(taker.id(), BTC_USDT, Side.BUY, "0.001", price))
                    .block(Duration.ofSeconds(5));
        }
        client = AlpExchangeClient.create(AlpOptions.builder().restUrl(sim.restBaseUrl()).wsUrl(sim.websocketUrl())
                .rateLimit(AlpOptions.PUBLIC_SCOPE, null).rateLimit(AlpOptions.PRIVATE_SCOPE, null).build());

        List<Candle> candles = client.candles(BTC_USDT, CandleInterval.M1, Instant.ofEpochSecond(START),
                Instant.ofEpochSecond(START + 60L * minutes)).collectList().block(Duration.ofSeconds(10));

        assertThat(candles).hasSize(minutes);
        for (int i = 0; i < minutes; i++) {
            Candle candle = candles.get(i);
            assertThat(candle.openTime()).isEqualTo(Instant.ofEpochSecond(START + 60L * i));
            assertThat(candle.close()).isEqualByComparingTo(Integer.toString(20_000 + i % 50));
        }
    }
}
