package io.exflux.reactive.internal.http;

import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.RateLimitedException;
import io.exflux.reactive.internal.metrics.EngineMetrics;
import io.exflux.reactive.internal.metrics.Operations;
import io.exflux.reactive.internal.ratelimit.PermitWaitTooLongException;
import io.exflux.reactive.internal.ratelimit.RateLimiter;
import io.exflux.reactive.internal.ratelimit.RetryAfter;
import io.exflux.reactive.internal.ratelimit.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Takes the request's permits before each attempt (every attempt is a request the venue counts) and pauses the
 * scope when the venue answers 429 with a {@code Retry-After}. The permit orders and bounds the waiting (no
 * connection is held meanwhile); the transport then paces the departure itself, once its connection is ready
 * ({@link io.exflux.reactive.internal.ratelimit.TokenBucket#depart(int)}), so that requests held up by new
 * connections do not arrive together with the ones granted after them. A permit that would take longer than
 * {@code maxRateLimitWait} fails the call at once with {@code RateLimitedException} (carrying the wait), before
 * anything is sent: a burst of calls never queues without end.
 */
final class RateLimitStep implements RestStep {

    /** Context key of the attempt's departure, handed to the transport (see {@link WriteHooks}). */
    static final Object DEPARTURE = new Object() {
        @Override
        public String toString() {
            return "RateLimitStep.DEPARTURE";
        }
    };

    private final RateLimiter limiter;
    private final Clock clock;
    private final String venue;
    private final Duration maxWait;
    private final EngineMetrics metrics;

    RateLimitStep(RateLimiter limiter, Clock clock, String venue, Duration maxWait, EngineMetrics metrics) {
        this.limiter = limiter;
        this.clock = clock;
        this.venue = venue;
        this.maxWait = maxWait;
        this.metrics = metrics;
    }

    @Override
    public Mono<RestResponse> process(RestRequest request, Chain next) {
        String scope = request.rateLimitScope();
        return Mono.defer(() -> {
            // a permit that was not free when asked for is a wait (counted once granted, not when refused)
            TokenBucket bucket = limiter.bucket(scope);
            boolean waits = bucket != null && !bucket.currentWait().isZero();
            Mono<Void> permit = limiter.acquire(scope, request.rateLimitWeight(), maxWait);
            return waits ? permit.doOnSuccess(granted -> metrics.rateLimitWait(venue, scope)) : permit;
        })
                .onErrorMap(PermitWaitTooLongException.class, refused -> new RateLimitedException(venue + ": "
                        + request.method() + " " + request.path() + " would wait " + refused.waitNeeded()
                        + " for its rate-limit permit (scope " + scope + "), longer than maxRateLimitWait "
                        + maxWait + "; not sent", ErrorContext.local(venue), refused.waitNeeded()))
                .then(Mono.defer(() -> {
                    Mono<Void> departure = limiter.departure(scope, request.rateLimitWeight());
                    Mono<RestResponse> sent = next.proceed(request);
                    return departure == null ? sent : sent.contextWrite(Context.of(DEPARTURE, departure));
                }))
                .doOnNext(response -> {
                    if (response.status() == 429) {
                        metrics.restRateLimited(venue, Operations.of(request.method(), request.path()));
                        RetryAfter.parse(response.header("Retry-After"), clock)
                                .ifPresent(pause -> limiter.pause(scope, pause));
                    }
                });
    }
}
