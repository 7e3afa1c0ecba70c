package io.exflux.reactive.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Token caching, renewal before expiry, one renewal for many waiters, drop on 401; in virtual time. */
class TokenCacheTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final AtomicInteger fetches = new AtomicInteger();

    /** A test token: a name and its expiry in epoch seconds, as the venue's expiry reader would see them. */
    private static String token(long exp, String name) {
        return name + "@" + exp;
    }

    private static Optional<Instant> expiry(String token) {
        int at = token.lastIndexOf('@');
        return at < 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(Long.parseLong(token.substring(at + 1))));
    }

    private TokenCache cache(java.util.function.Supplier<Mono<String>> fetch) {
        return new TokenCache("test", fetch, TokenCacheTest::expiry, time, Duration.ofSeconds(60));
    }

    /** Each fetch takes one virtual second and returns a token valid for 600 s from issue. */
    private TokenCache provider() {
        return cache(() -> Mono.delay(Duration.ofSeconds(1), time).map(tick -> {
            int n = fetches.incrementAndGet();
            long now = time.now(java.util.concurrent.TimeUnit.SECONDS);
            return token(now + 600, "t" + n);
        }));
    }

    @Test
    void manyWaitersShareOneFetch() {
        TokenCache tokens = provider();
        StepVerifier.withVirtualTime(() -> Flux.merge(tokens.token(), tokens.token(), tokens.token()).collectList(),
                        () -> time, Long.MAX_VALUE)
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(list -> assertThat(list).hasSize(3).containsOnly(list.get(0)))
                .verifyComplete();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void cachedUntilTheMarginBeforeExpThenRenewed() {
        TokenCache tokens = provider();
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
        TokenCache tokens = provider();
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
        TokenCache tokens = cache(() -> calls.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("down")) : Mono.just(token(10_000, "ok")));
        StepVerifier.create(tokens.token()).expectErrorMessage("down").verify();
        StepVerifier.create(tokens.token()).expectNext(token(10_000, "ok")).verifyComplete();
    }

    @Test
    void watchRenewsBeforeExpiryOnItsOwn() {
        TokenCache tokens = provider();
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
        TokenCache tokens = cache(() -> Mono.fromSupplier(() -> token(
                time.now(java.util.concurrent.TimeUnit.SECONDS) + 10, "s" + n.incrementAndGet())));
        String a = tokens.token().toFuture().join();
        time.advanceTimeBy(Duration.ofSeconds(7));
        assertThat(tokens.token().toFuture().join()).isEqualTo(a);
        time.advanceTimeBy(Duration.ofSeconds(1)); // 8 s of 10: renew
        assertThat(tokens.token().toFuture().join()).isNotEqualTo(a);
    }

    @Test
    void aFetchThatAnswersNothingIsAnAuthenticationErrorAndTheTokenNeverPrints() {
        TokenCache empty = cache(Mono::empty);
        StepVerifier.create(empty.token()).expectError(io.exflux.api.error.AuthenticationException.class).verify();
        TokenCache tokens = cache(() -> Mono.just(token(10_000, "secret-token")));
        assertThat(tokens.token().block()).isEqualTo(token(10_000, "secret-token"));
        assertThat(tokens.toString()).doesNotContain("secret-token").contains("held until");
    }
}
