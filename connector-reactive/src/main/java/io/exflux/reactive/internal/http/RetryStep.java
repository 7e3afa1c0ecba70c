package io.exflux.reactive.internal.http;

import io.exflux.api.error.ExchangeException;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.internal.metrics.EngineMetrics;
import io.exflux.reactive.internal.metrics.Operations;
import io.exflux.reactive.internal.ratelimit.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The retry policy. Sends again, up to {@code maxAttempts} in all, after the options' {@link Backoff} (one
 * {@link Backoff#sequence()} per call) on the resources' scheduler (at least the {@code Retry-After} of a 429, which must not exceed {@code maxRetryAfter}):
 * <ul>
 *   <li>any request whose failure proves it was not processed: connect failure, no pooled connection, 429;</li>
 *   <li>only idempotent requests after an ambiguous failure: timeout, lost connection, 500/502/503/504.
 *       An order, cancellation, withdrawal, transfer or convert is never sent twice that way.</li>
 * </ul>
 * The steps after this one (rate limit, signature) run again for each attempt: a fresh nonce, a fresh signature.
 */
final class RetryStep implements RestStep {

    private static final Logger log = LoggerFactory.getLogger(RetryStep.class);

    private final RestOptions options;
    private final Scheduler scheduler;
    private final Clock clock;
    private final EngineMetrics metrics;

    RetryStep(RestOptions options, Scheduler scheduler, Clock clock, EngineMetrics metrics) {
        this.options = options;
        this.scheduler = scheduler;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Mono<RestResponse> process(RestRequest request, Chain next) {
        return Mono.defer(() -> attempt(request, next, 1, options.backoff().sequence()));
    }

    private Mono<RestResponse> attempt(RestRequest request, Chain next, int attempt, Backoff backoff) {
        // the outcome is settled before any retry, so a later attempt's failure is never retried by this one
        return Mono.defer(() -> next.proceed(request))
                .map(Outcome::answered)
                .onErrorResume(error -> Mono.just(Outcome.failed(error)))
                .flatMap(outcome -> {
                    Duration delay = outcome.response() != null
                            ? delayAfter(request, outcome.response(), attempt, backoff)
                            : outcome.error() instanceof ExchangeException ? null
                            : delayAfter(request, TransportFailure.of(outcome.error()), attempt, backoff);
                    if (delay == null) {
                        return outcome.response() != null ? Mono.just(outcome.response())
                                : Mono.error(outcome.error());
                    }
                    log.debug("{} {} attempt {} {}; attempt {} in {}", request.method(), request.path(), attempt,
                            outcome.response() != null ? "answered " + outcome.response().status()
                                    : "failed with " + outcome.error().getClass().getSimpleName(),
                            attempt + 1, delay);
                    metrics.restRetry(options.venue(), Operations.of(request.method(), request.path()));
                    return retry(request, next, attempt, delay, backoff);
                });
    }

    /** An attempt's answer or failure. */
    private record Outcome(RestResponse response, Throwable error) {
        static Outcome answered(RestResponse response) {
            return new Outcome(response, null);
        }

        static Outcome failed(Throwable error) {
            return new Outcome(null, error);
        }
    }

    private Mono<RestResponse> retry(RestRequest request, Chain next, int attempt, Duration delay, Backoff backoff) {
        return attempt(request, next, attempt + 1, backoff).delaySubscription(delay, scheduler);
    }

    /** The wait before the next attempt after this answer, or {@code null} to give the answer to the caller. */
    Duration delayAfter(RestRequest request, RestResponse response, int attempt, Backoff backoff) {
        if (attempt >= options.maxAttempts()) {
            return null;
        }
        int status = response.status();
        if (status == 429) {
            Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock)
                    .orElse(Duration.ZERO);
            if (retryAfter.compareTo(options.maxRetryAfter()) > 0) {
                return null;
            }
            Duration wait = backoff.delay(attempt);
            return retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
        }
        boolean transientServerError = status == 500 || status == 502 || status == 503 || status == 504;
        return transientServerError && request.idempotent() ? backoff.delay(attempt) : null;
    }

    /** The wait before the next attempt after this failure, or {@code null} to fail the call. */
    Duration delayAfter(RestRequest request, TransportFailure failure, int attempt, Backoff backoff) {
        if (attempt >= options.maxAttempts()) {
            return null;
        }
        if (failure == TransportFailure.OTHER) {
            return null;
        }
        return failure == TransportFailure.NOT_SENT || request.idempotent() ? backoff.delay(attempt) : null;
    }
}
