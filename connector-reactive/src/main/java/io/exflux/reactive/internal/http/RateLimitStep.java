package io.exflux.reactive.internal.http;

import io.exflux.reactive.internal.ratelimit.RateLimiter;
import io.exflux.reactive.internal.ratelimit.RetryAfter;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * Takes the request's permits before each attempt (every attempt is a request the venue counts) and pauses the
 * scope when the venue answers 429 with a {@code Retry-After}.
 */
final class RateLimitStep implements RestStep {

    private final RateLimiter limiter;
    private final Clock clock;

    RateLimitStep(RateLimiter limiter, Clock clock) {
        this.limiter = limiter;
        this.clock = clock;
    }

    @Override
    public Mono<RestResponse> process(RestRequest request, Chain next) {
        String scope = request.rateLimitScope();
        return limiter.acquire(scope, request.rateLimitWeight())
                .then(Mono.defer(() -> next.proceed(request)))
                .doOnNext(response -> {
                    if (response.status() == 429) {
                        RetryAfter.parse(response.header("Retry-After"), clock)
                                .ifPresent(pause -> limiter.pause(scope, pause));
                    }
                });
    }
}
