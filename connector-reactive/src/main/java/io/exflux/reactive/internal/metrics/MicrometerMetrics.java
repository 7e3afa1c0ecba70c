package io.exflux.reactive.internal.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntSupplier;
import reactor.core.publisher.Mono;

/**
 * {@link EngineMetrics} recorded in a Micrometer {@link MeterRegistry} (names in {@link MeterNames}). Durations are
 * read from the resources' clock, so virtual time moves them in tests. Only loaded when the application gives a
 * registry.
 */
final class MicrometerMetrics implements EngineMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final StreamGauges gauges;

    MicrometerMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.gauges = new StreamGauges(registry);
    }

    @Override
    public <T> Mono<T> restCall(String venue, String operation, Mono<T> call) {
        return Mono.defer(() -> {
            long started = clock.millis();
            return call.doOnSuccess(value -> record(venue, operation, null, started))
                    .doOnError(error -> record(venue, operation, error, started));
        });
    }

    private void record(String venue, String operation, Throwable error, long startedMillis) {
        Timer.builder(MeterNames.REST_CALLS)
                .tag("venue", venue).tag("operation", operation)
                .tag("outcome", Outcomes.outcome(error)).tag("error", Outcomes.error(error))
                .register(registry)
                .record(Duration.ofMillis(Math.max(0, clock.millis() - startedMillis)));
    }

    @Override
    public void restRetry(String venue, String operation) {
        registry.counter(MeterNames.REST_RETRIES, "venue", venue, "operation", operation).increment();
    }

    @Override
    public void restRateLimited(String venue, String operation) {
        registry.counter(MeterNames.REST_RATE_LIMITED, "venue", venue, "operation", operation).increment();
    }

    @Override
    public void rateLimitWait(String venue, String scope) {
        registry.counter(MeterNames.RATE_LIMIT_WAITS, "venue", venue, "scope", scope).increment();
    }

    @Override
    public Runnable streamOpened(String endpoint, IntSupplier sockets, IntSupplier topics) {
        return gauges.add(endpoint, sockets, topics);
    }

    @Override
    public void reconnect(String endpoint) {
        registry.counter(MeterNames.STREAM_RECONNECTS, "endpoint", endpoint).increment();
    }

    @Override
    public void malformedFrame(String endpoint) {
        registry.counter(MeterNames.STREAM_MALFORMED_FRAMES, "endpoint", endpoint).increment();
    }

    @Override
    public void overflow(String endpoint, String topic) {
        registry.counter(MeterNames.STREAM_OVERFLOWS, "endpoint", endpoint, "topic", topic).increment();
    }

    @Override
    public Runnable topicMessages(String endpoint, String topic) {
        Counter counter = registry.counter(MeterNames.STREAM_MESSAGES, "endpoint", endpoint, "topic", topic);
        return counter::increment;
    }

    @Override
    public void bookResync(String reason) {
        registry.counter(MeterNames.BOOK_RESYNCS, "reason", reason).increment();
    }
}
