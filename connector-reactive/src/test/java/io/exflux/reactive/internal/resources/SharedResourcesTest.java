package io.exflux.reactive.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.internal.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.netty.http.HttpResources;
import reactor.test.scheduler.VirtualTimeScheduler;

/** What clients of one {@link ClientResources} share, by venue and API key. */
class SharedResourcesTest {

    private final SharedResources resources = SharedResources.of(ClientResources.builder()
            .scheduler(VirtualTimeScheduler.create())
            .loopResources(HttpResources.get()).connectionProvider(HttpResources.get()).build());

    private static final Map<String, RateLimit> LIMITS = Map.of("public", RateLimit.perSecond(10),
            "private", RateLimit.perSecond(5), "public.candles", RateLimit.perSecond(2));

    @Test
    void oneKeyOfOneVenueHasOneNonceSequence() {
        assertThat(resources.nonceSource("v1", "KEY-1")).isSameAs(resources.nonceSource("v1", "KEY-1"));
        assertThat(resources.nonceSource("v1", "KEY-1")).isNotSameAs(resources.nonceSource("v1", "KEY-2"));
        assertThat(resources.nonceSource("v1", "KEY-1")).isNotSameAs(resources.nonceSource("btse", "KEY-1"));
    }

    @Test
    void privateScopesAreSharedByKeyAndPublicScopesByVenue() {
        RateLimiter a = resources.rateLimiter("alp", "KEY-1", LIMITS, null);
        RateLimiter sameKey = resources.rateLimiter("alp", "KEY-1", LIMITS, null);
        RateLimiter otherKey = resources.rateLimiter("alp", "KEY-2", LIMITS, null);
        RateLimiter anonymous = resources.rateLimiter("alp", null, LIMITS, null);
        RateLimiter otherVenue = resources.rateLimiter("btse", "KEY-1", LIMITS, null);

        assertThat(a.bucket("private")).isSameAs(sameKey.bucket("private"));
        assertThat(a.bucket("private")).isNotSameAs(otherKey.bucket("private"))
                .isNotSameAs(otherVenue.bucket("private"));
        assertThat(a.bucket("public")).isSameAs(otherKey.bucket("public")).isSameAs(anonymous.bucket("public"))
                .isNotSameAs(otherVenue.bucket("public"));
        assertThat(a.bucket("public.candles")).isSameAs(otherKey.bucket("public.candles"));
        assertThat(a.bucket("unlimited")).isNull();
    }

    @Test
    void aScopeIsPublicByItsName() {
        assertThat(RateLimit.isPublicScope("public")).isTrue();
        assertThat(RateLimit.isPublicScope("public.candles")).isTrue();
        assertThat(RateLimit.isPublicScope("publication")).isFalse();
        assertThat(RateLimit.isPublicScope("private")).isFalse();
        assertThat(RateLimit.isPublicScope(null)).isFalse();
    }

    @Test
    void onlyResourcesFromTheBuilderAreAccepted() {
        ClientResources foreign = new ClientResources() {
            @Override
            public reactor.netty.resources.LoopResources loopResources() {
                return HttpResources.get();
            }

            @Override
            public reactor.netty.resources.ConnectionProvider connectionProvider() {
                return HttpResources.get();
            }

            @Override
            public reactor.core.scheduler.Scheduler scheduler() {
                return reactor.core.scheduler.Schedulers.parallel();
            }

            @Override
            public java.time.Clock clock() {
                return java.time.Clock.systemUTC();
            }

            @Override
            public io.exflux.reactive.config.Backoff reconnectBackoff() {
                return ClientResources.DEFAULT_RECONNECT_BACKOFF;
            }

            @Override
            public java.util.function.UnaryOperator<reactor.netty.http.client.HttpClient> httpClientCustomizer() {
                return java.util.function.UnaryOperator.identity();
            }

            @Override
            public reactor.core.publisher.Mono<Void> shutdown() {
                return reactor.core.publisher.Mono.empty();
            }

            @Override
            public boolean isShutdown() {
                return false;
            }
        };
        assertThatIllegalArgumentException().isThrownBy(() -> SharedResources.of(foreign))
                .withMessageContaining("ClientResources.create()");
        assertThat(resources.shutdown().block(Duration.ofSeconds(5))).isNull();
        assertThat(HttpResources.get().isDisposed()).as("the given global resources stay open").isFalse();
    }
}
