package io.exflux.reactive.venue.btse;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.RateLimitedException;
import io.exflux.reactive.config.HttpOptions;
import io.exflux.testkit.btse.BtseSimulator;
import io.exflux.testkit.btse.BtseSimulatorOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A client asked for 500 public calls a second never goes over BTSE's query limit as the simulator counts it
 * (fixed one-second windows of the venue's clock, 15 a caller): 10 seconds of 500 calls a second (5,000 calls) in
 * real time, with the client waiting at most 2 s for a permit, so the calls that cannot fit
 * fail at once on the client with {@link RateLimitedException}, never sent. The client is warmed by one call
 * first: a cold client's first permits wait for new connections and may reach the venue bunched together.
 */
class BtseRateLimitEndToEndTest {

    @Test
    void fiveHundredPublicCallsASecondNeverExceedTheQueryScope() {
        try (BtseSimulator sim = BtseSimulator.start(BtseSimulatorOptions.builder().generatorEnabled(false).build())) {
            BtseExchangeClient client = BtseExchangeClient.create(BtseEndToEnd.options(sim, null)
                    .http(HttpOptions.builder().maxRateLimitWait(Duration.ofSeconds(2)).build()).build());
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger refusedHere = new AtomicInteger();
            try {
                // a warm client: a cold one's first requests wait for their connections and can arrive bunched
                // (see RateLimit's javadoc), which the venue's windows count as they arrive
                client.rest().time().block(Duration.ofSeconds(20));
                answered.incrementAndGet();
                Flux.interval(Duration.ofMillis(2)).take(5_000)
                        .flatMap(i -> client.rest().time().doOnNext(t -> answered.incrementAndGet()).then()
                                .onErrorResume(RateLimitedException.class, e -> {
                                    refusedHere.incrementAndGet();
                                    return Mono.empty();
                                }), 5_000)
                        .blockLast(Duration.ofSeconds(60));
            } finally {
                client.closeGracefully().block(Duration.ofSeconds(10));
            }
            BtseSimulator.ScopeCount query = sim.rateCount(BtseSimulator.Scope.QUERY);
            assertThat(answered.get() + refusedHere.get()).isEqualTo(5_001);
            // the venue refuses every call over 15 in a second: none refused means none went over
            assertThat(query.refused()).as("no 429 from the venue").isZero();
            assertThat(query.accepted()).as("every call the venue saw was answered").isEqualTo(answered.get());
            assertThat(answered.get()).as("about 14 a second for 10 to 12 seconds").isBetween(100, 200);
        }
    }
}
