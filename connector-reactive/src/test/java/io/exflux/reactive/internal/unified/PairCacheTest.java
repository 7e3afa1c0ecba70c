package io.exflux.reactive.internal.unified;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.PairInfo;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The markets cache: one fetch per time to live on the client's clock, failures not kept. */
class PairCacheTest {

    private static final PairInfo BTC_USDT = new PairInfo(CurrencyPair.of("BTC", "USDT"), "BTC_USDT", 2, 8, null,
            null, null);

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    private final AtomicInteger fetches = new AtomicInteger();

    @AfterEach
    void stop() {
        clock.dispose();
    }

    @Test
    void oneFetchServesCallersUntilTheTimeToLiveHasPassedOnTheClientsClock() {
        PairCache cache = new PairCache(Flux.defer(() -> {
            fetches.incrementAndGet();
            return Flux.just(BTC_USDT);
        }), Duration.ofMinutes(5), clock);

        StepVerifier.create(cache.get("BTC_USDT")).expectNext(BTC_USDT).verifyComplete();
        StepVerifier.create(cache.get("NOPE_USDT")).verifyComplete();
        clock.advanceTimeBy(Duration.ofMinutes(4));
        StepVerifier.create(cache.bySymbol()).assertNext(m -> assertThat(m).containsOnlyKeys("BTC_USDT"))
                .verifyComplete();
        assertThat(fetches).hasValue(1);

        clock.advanceTimeBy(Duration.ofMinutes(2));
        StepVerifier.create(cache.get("BTC_USDT")).expectNext(BTC_USDT).verifyComplete();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aFailedFetchIsNotKept() {
        PairCache cache = new PairCache(Flux.defer(() -> fetches.incrementAndGet() == 1
                ? Flux.<PairInfo>error(new IllegalStateException("venue down")) : Flux.just(BTC_USDT)),
                Duration.ofMinutes(5), clock);

        StepVerifier.create(cache.get("BTC_USDT")).expectErrorMessage("venue down").verify();
        StepVerifier.create(cache.get("BTC_USDT")).expectNext(BTC_USDT).verifyComplete();
        assertThat(fetches).hasValue(2);
    }
}
