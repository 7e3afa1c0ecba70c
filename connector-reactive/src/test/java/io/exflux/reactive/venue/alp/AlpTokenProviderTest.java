package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** JWT caching, renewal before exp, one renewal for many waiters, drop on 401; in virtual time. */
class AlpTokenProviderTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final AtomicInteger fetches = new AtomicInteger();

    /** Each fetch takes one virtual second and returns a token valid for 600 s from issue. */
    private AlpTokenProvider provider() {
        return new AlpTokenProvider(() -> Mono.delay(Duration.ofSeconds(1), time).map(tick -> {
            int n = fetches.incrementAndGet();
            long now = time.now(java.util.concurrent.TimeUnit.SECONDS);
            return AlpTestJwt.withExp(now + 600, "t" + n);
        }), time, Duration.ofSeconds(60));
    }

    @Test
    void manyWaitersShareOneFetch() {
        AlpTokenProvider tokens = provider();
        StepVerifier.withVirtualTime(() -> Flux.merge(tokens.token(), tokens.token(), tokens.token()).collectList(),
                        () -> time, Long.MAX_VALUE)
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(list -> assertThat(list).hasSize(3).containsOnly(list.get(0)))
                .verifyComplete();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void cachedUntilTheMarginBeforeExpThenRenewed() {
        AlpTokenProvider tokens = provider();
        var first = tokens.token().toFuture();
        time.advanceTimeBy(Duration.ofSeconds(1));
        String a = first.join();
        time.advanceTimeBy(Duration.ofSeconds(500)); // 501 s after issue: still before exp - 60 s
        assertThat(tokens.token().toFuture().join()).isEqualTo(a);
        assertThat(fetches).hasValue(1);
        time.advanceTimeBy(Duration.ofSeconds(40)); // 541 s: inside the margin
        var renewed = tokens.token().toFuture();
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(renewed.join()).isNotEqualTo(a);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void invalidateDropsOnlyThatToken() {
        AlpTokenProvider tokens = provider();
        var first = tokens.token().toFuture();
        time.advanceTimeBy(Duration.ofSeconds(1));
        String a = first.join();
        tokens.invalidate("some other token");
        assertThat(tokens.token().toFuture().join()).isEqualTo(a);
        tokens.invalidate(a);
        var second = tokens.token().toFuture();
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(second.join()).isNotEqualTo(a);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void failedFetchIsNotCached() {
        AtomicInteger calls = new AtomicInteger();
        AlpTokenProvider tokens = new AlpTokenProvider(() -> calls.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("down")) : Mono.just(AlpTestJwt.withExp(10_000, "ok")),
                time, Duration.ofSeconds(60));
        StepVerifier.create(tokens.token()).expectErrorMessage("down").verify();
        StepVerifier.create(tokens.token()).expectNext(AlpTestJwt.withExp(10_000, "ok")).verifyComplete();
    }

    @Test
    void watchRenewsBeforeExpiryOnItsOwn() {
        AlpTokenProvider tokens = provider();
        StepVerifier.withVirtualTime(() -> tokens.watch().take(3), () -> time, Long.MAX_VALUE)
                .thenAwait(Duration.ofSeconds(1))
                .expectNextCount(1)
                .thenAwait(Duration.ofSeconds(540)) // renewal due at exp - 60 s = 540 s after issue
                .thenAwait(Duration.ofSeconds(1))
                .expectNextCount(1)
                .thenAwait(Duration.ofSeconds(541))
                .expectNextCount(1)
                .verifyComplete();
        assertThat(fetches).hasValue(3);
    }

    @Test
    void shortLivedTokensRenewAtFourFifthsOfTheirLife() {
        AtomicInteger n = new AtomicInteger();
        AlpTokenProvider tokens = new AlpTokenProvider(() -> Mono.fromSupplier(() -> AlpTestJwt.withExp(
                time.now(java.util.concurrent.TimeUnit.SECONDS) + 10, "s" + n.incrementAndGet())), time,
                Duration.ofSeconds(60));
        String a = tokens.token().toFuture().join();
        time.advanceTimeBy(Duration.ofSeconds(7));
        assertThat(tokens.token().toFuture().join()).isEqualTo(a);
        time.advanceTimeBy(Duration.ofSeconds(1)); // 8 s of 10: renew
        assertThat(tokens.token().toFuture().join()).isNotEqualTo(a);
    }
}
