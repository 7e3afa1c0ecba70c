package io.exflux.reactive.internal.http;

import io.exflux.api.error.ExchangeException;
import io.exflux.reactive.internal.ratelimit.RetryAfter;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The retry policy. Sends again, up to {@code maxAttempts} in all, after an exponential backoff with jitter on the
 * options' scheduler (at least the {@code Retry-After} of a 429, which must not exceed {@code maxRetryAfter}):
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

    RetryStep(RestOptions options) {
        this.options = options;
    }

    @Override
    public Mono<RestResponse> process(RestRequest request, Chain next) {
        return attempt(request, next, 1);
    }

    private Mono<RestResponse> attempt(RestRequest request, Chain next, int attempt) {
        // the outcome is settled before any retry, so a later attempt's failure is never retried by this one
        return Mono.defer(() -> next.proceed(request))
                .map(Outcome::answered)
                .onErrorResume(error -> Mono.just(Outcome.failed(error)))
                .flatMap(outcome -> {
                    Duration delay = outcome.response() != null
                            ? delayAfter(request, outcome.response(), attempt)
                            : outcome.error() instanceof ExchangeException ? null
                            : delayAfter(request, TransportFailure.of(outcome.error()), attempt);
                    if (delay == null) {
                        return outcome.response() != null ? Mono.just(outcome.response())
                                : Mono.error(outcome.error());
                    }
                    log.debug("{} {} attempt {} {}; attempt {} in {}", request.method(), request.path(), attempt,
                            outcome.response() != null ? "answered " + outcome.response().status()
                                    : "failed with " + outcome.error().getClass().getSimpleName(),
                            attempt + 1, delay);
                    return retry(request, next, attempt, delay);
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

    private Mono<RestResponse> retry(RestRequest request, Chain next, int attempt, Duration delay) {
        return attempt(request, next, attempt + 1).delaySubscription(delay, options.scheduler());
    }

    /** The wait before the next attempt after this answer, or {@code null} to give the answer to the caller. */
    Duration delayAfter(RestRequest request, RestResponse response, int attempt) {
        if (attempt >= options.maxAttempts()) {
            return null;
        }
        int status = response.status();
        if (status == 429) {
            Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), options.clock())
                    .orElse(Duration.ZERO);
            if (retryAfter.compareTo(options.maxRetryAfter()) > 0) {
                return null;
            }
            Duration backoff = backoff(attempt);
            return retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
        }
        boolean transientServerError = status == 500 || status == 502 || status == 503 || status == 504;
        return transientServerError && request.idempotent() ? backoff(attempt) : null;
    }

    /** The wait before the next attempt after this failure, or {@code null} to fail the call. */
    Duration delayAfter(RestRequest request, TransportFailure failure, int attempt) {
        if (attempt >= options.maxAttempts()) {
            return null;
        }
        if (failure == TransportFailure.OTHER) {
            return null;
        }
        return failure == TransportFailure.NOT_SENT || request.idempotent() ? backoff(attempt) : null;
    }

    /** {@code initial * 2^(attempt-1)}, capped, times a random factor in {@code [1 - jitter, 1 + jitter]}. */
    Duration backoff(int attempt) {
        long initial = options.initialBackoff().toNanos();
        long cap = options.maxBackoff().toNanos();
        int doublings = Math.min(attempt - 1, 62);
        long base = initial > (cap >> doublings) ? cap : Math.min(cap, initial << doublings);
        double jitter = options.jitter();
        if (jitter == 0) {
            return Duration.ofNanos(base);
        }
        double factor = 1 - jitter + 2 * jitter * ThreadLocalRandom.current().nextDouble();
        return Duration.ofNanos((long) (base * factor));
    }
}
