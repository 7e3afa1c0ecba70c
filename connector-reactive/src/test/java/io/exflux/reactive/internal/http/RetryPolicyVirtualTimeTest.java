package io.exflux.reactive.internal.http;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.Backoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.RateLimitedException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Exact retry timings with a scripted transport under virtual time. */
class RetryPolicyVirtualTimeTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final List<Long> attemptTimes = new ArrayList<>();
    private final Deque<Object> script = new ArrayDeque<>();

    private RestClient client(RestOptions.Builder options) {
        return RestClient.builder(options.baseUrl("http://127.0.0.1:1")
                        .resources(ClientResources.builder().scheduler(time).build()).build())
                .transport(request -> Mono.defer(() -> {
                    attemptTimes.add(time.now(TimeUnit.MILLISECONDS));
                    Object next = script.size() > 1 ? script.poll() : script.peek();
                    return next instanceof Throwable ? Mono.error((Throwable) next)
                            : Mono.just((RestResponse) next);
                }))
                .build();
    }

    private static RestResponse status(int status, Map<String, List<String>> headers) {
        return new RestResponse(status, headers, "{}".getBytes());
    }

    private static RestResponse status(int status) {
        return status(status, Map.of());
    }

    @Test
    void backoffDoublesUpToItsCapWithoutJitter() {
        script.addAll(List.of(status(503), status(503), status(503), status(200)));
        RestClient client = client(RestOptions.builder().maxAttempts(4)
                .backoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofMillis(250))));

        StepVerifier.withVirtualTime(() -> client.exchange(RestRequest.get("/ticker").build()), () -> time, 1)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(5))
                .assertNext(response -> assertThat(response.status()).isEqualTo(200))
                .verifyComplete();

        assertThat(attemptTimes).containsExactly(0L, 100L, 300L, 550L);
    }

    @Test
    void aRetryWaitsForRetryAfterWhenItIsLongerThanTheBackoff() {
        script.addAll(List.of(status(429, Map.of("Retry-After", List.of("2"))), status(200)));
        RestClient client = client(RestOptions.builder().backoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1))));

        StepVerifier.withVirtualTime(() -> client.exchange(RestRequest.get("/ticker").build()), () -> time, 1)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(1999))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(response -> assertThat(response.status()).isEqualTo(200))
                .verifyComplete();

        assertThat(attemptTimes).containsExactly(0L, 2000L);
    }

    @Test
    void aRetryAfterLongerThanTheLimitSurfacesAsARateLimitError() {
        script.add(status(429, Map.of("Retry-After", List.of("300"))));
        RestClient client = client(RestOptions.builder().maxRetryAfter(Duration.ofSeconds(30)));

        StepVerifier.withVirtualTime(() -> client.exchange(RestRequest.get("/ticker").build()), () -> time, 1)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RateLimitedException.class)
                        .extracting(e -> ((RateLimitedException) e).retryAfter())
                        .isEqualTo(Duration.ofSeconds(300)))
                .verify(Duration.ofSeconds(5));
        assertThat(attemptTimes).containsExactly(0L);
    }

    @Test
    void attemptsAreBounded() {
        script.add(status(503));
        RestClient client = client(RestOptions.builder().maxAttempts(3)
                .backoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1))));

        StepVerifier.withVirtualTime(() -> client.exchange(RestRequest.get("/ticker").build()), () -> time, 1)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(5))
                .expectError(ExchangeUnavailableException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(attemptTimes).containsExactly(0L, 100L, 300L);
    }

    @Test
    void aNonIdempotentCallIsNotRetriedAfterAServerError() {
        script.add(status(503));
        RestClient client = client(RestOptions.builder().backoff(Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(5))));

        StepVerifier.withVirtualTime(() -> client.exchange(RestRequest.post("/order").jsonBody("{}").build()),
                        () -> time, 1)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(10))
                .expectError(ExchangeUnavailableException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(attemptTimes).containsExactly(0L);
    }

    @Test
    void aNonIdempotentCallIsRetriedWhenItWasProvablyNotSent() {
        script.addAll(List.of(new java.net.ConnectException("refused"), status(200)));
        RestClient client = client(RestOptions.builder().backoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1))));

        StepVerifier.withVirtualTime(() -> client.exchange(RestRequest.post("/order").jsonBody("{}").build()),
                        () -> time, 1)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(response -> assertThat(response.status()).isEqualTo(200))
                .verifyComplete();
        assertThat(attemptTimes).containsExactly(0L, 100L);
    }

    @Test
    void theRetryWaitsExactlyWhatItsJitteredBackoffSays() {
        script.addAll(List.of(status(503), status(503), status(503), status(200)));
        Random expected = new Random(11);
        RestClient client = client(RestOptions.builder().maxAttempts(4)
                .backoff(Backoff.equalJitter(Duration.ofMillis(100), Duration.ofSeconds(10), 2, new Random(11)::nextDouble)));

        StepVerifier.withVirtualTime(() -> client.exchange(RestRequest.get("/ticker").build()), () -> time, 1)
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(5))
                .assertNext(response -> assertThat(response.status()).isEqualTo(200))
                .verifyComplete();

        List<Long> expectedTimes = new ArrayList<>(List.of(0L));
        long at = 0;
        for (int attempt = 1; attempt <= 3; attempt++) {
            double bound = 100_000_000.0 * Math.pow(2, attempt - 1);
            at += (long) (bound / 2 + bound / 2 * expected.nextDouble());
            expectedTimes.add(TimeUnit.NANOSECONDS.toMillis(at));
        }
        assertThat(attemptTimes).containsExactlyElementsOf(expectedTimes);
        assertThat(attemptTimes.get(1)).isBetween(50L, 100L);
    }
}
