package io.exflux.testkit.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.testkit.alp.MutableClock;
import io.exflux.testkit.sim.ApiKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The documented rate limits as the simulator counts them, on a clock the test moves: 1,000 public calls
 * spread over the clock's seconds never get more than the documented number of answers a second, and
 * every call over it is 429 with {@code Retry-After}.
 */
class V1SimulatorRateLimitTest {

    @ParameterizedTest(name = "{0}: {2} public calls a second")
    @CsvSource({"BTC_ALPHA, 10, 1", "BITEXBIT, 2, 100"})
    void aThousandPublicCallsNeverExceedTheDocumentedRate(V1Dialect dialect, long millisPerCall, int documented) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
        V1SimulatorOptions options = V1SimulatorOptions.builder(dialect).generatorEnabled(false).clock(clock).build();
        assertThat(options.ipCallsPerSecond()).isEqualTo(documented);
        Map<Long, Integer> answeredPerSecond = new TreeMap<>();
        int throttled = 0;
        try (V1Simulator sim = V1Simulator.start(options)) {
            V1Calls calls = new V1Calls(sim);
            for (int i = 0; i < 1000; i++) {
                V1Calls.Answer answer = calls.get("/v1/pairs/");
                if (answer.status() == 200) {
                    answeredPerSecond.merge(clock.instant().getEpochSecond(), 1, Integer::sum);
                } else {
                    assertThat(answer.status()).isEqualTo(429);
                    assertThat(answer.retryAfter()).isEqualTo("1");
                    assertThat(answer.error()).isNotBlank();
                    throttled++;
                }
                clock.advance(Duration.ofMillis(millisPerCall));
            }
        }
        long seconds = 1000 * millisPerCall / 1000;
        assertThat(answeredPerSecond.values()).as("answers per clock second").allMatch(n -> n <= documented);
        assertThat(answeredPerSecond).as("every second got its whole budget").hasSize((int) seconds)
                .allSatisfy((second, n) -> assertThat(n).isEqualTo(documented));
        assertThat(throttled).isEqualTo(1000 - (int) seconds * documented);
    }

    @Test
    void bitexbitCountsPrivateCallsPerAccountAndApartFromPublicOnes() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
        V1SimulatorOptions options = V1SimulatorOptions.builder(V1Dialect.BITEXBIT).generatorEnabled(false).clock(clock).build();
        try (V1Simulator sim = V1Simulator.start(options)) {
            V1Calls calls = new V1Calls(sim);
            ApiKeys.ApiKey one = sim.createAccount(Map.of("USD", BigDecimal.TEN));
            ApiKeys.ApiKey two = sim.createAccount(Map.of("USD", BigDecimal.TEN));
            assertThat(calls.get("/v1/wallets/", one).status()).isEqualTo(200);
            assertThat(calls.get("/v1/wallets/", one).status()).isEqualTo(200);
            assertThat(calls.get("/v1/wallets/", one).status()).as("the third private call of a second").isEqualTo(429);
            assertThat(calls.get("/v1/wallets/", two).status()).as("another account has its own budget").isEqualTo(200);
            assertThat(calls.get("/v1/pairs/").status()).as("public calls have theirs").isEqualTo(200);
            clock.advance(Duration.ofSeconds(1));
            assertThat(calls.get("/v1/wallets/", one).status()).as("a new second").isEqualTo(200);
        }
    }

    @Test
    void btcAlphaCountsEveryCallAgainstOneCallASecond() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
        V1SimulatorOptions options = V1SimulatorOptions.builder(V1Dialect.BTC_ALPHA).generatorEnabled(false).clock(clock).build();
        try (V1Simulator sim = V1Simulator.start(options)) {
            V1Calls calls = new V1Calls(sim);
            ApiKeys.ApiKey key = sim.createAccount(Map.of("USD", BigDecimal.TEN));
            assertThat(calls.get("/v1/pairs/").status()).isEqualTo(200);
            assertThat(calls.get("/v1/wallets/", key).status()).as("a private call in the same second").isEqualTo(429);
            clock.advance(Duration.ofSeconds(1));
            assertThat(calls.get("/v1/wallets/", key).status()).isEqualTo(200);
        }
    }
}
