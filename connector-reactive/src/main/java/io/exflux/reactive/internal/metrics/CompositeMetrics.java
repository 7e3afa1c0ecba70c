package io.exflux.reactive.internal.metrics;

import java.util.function.IntSupplier;
import reactor.core.publisher.Mono;

/** Meters and observations together: each hook goes to both. */
final class CompositeMetrics implements EngineMetrics {

    private final EngineMetrics first;
    private final EngineMetrics second;

    CompositeMetrics(EngineMetrics first, EngineMetrics second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public <T> Mono<T> restCall(String venue, String operation, Mono<T> call) {
        // the observation outside, so the timer's span of time is within it
        return second.restCall(venue, operation, first.restCall(venue, operation, call));
    }

    @Override
    public void restRetry(String venue, String operation) {
        first.restRetry(venue, operation);
        second.restRetry(venue, operation);
    }

    @Override
    public void restRateLimited(String venue, String operation) {
        first.restRateLimited(venue, operation);
        second.restRateLimited(venue, operation);
    }

    @Override
    public void rateLimitWait(String venue, String scope) {
        first.rateLimitWait(venue, scope);
        second.rateLimitWait(venue, scope);
    }

    @Override
    public Runnable streamOpened(String endpoint, IntSupplier sockets, IntSupplier topics) {
        Runnable a = first.streamOpened(endpoint, sockets, topics);
        Runnable b = second.streamOpened(endpoint, sockets, topics);
        return () -> {
            a.run();
            b.run();
        };
    }

    @Override
    public void reconnect(String endpoint) {
        first.reconnect(endpoint);
        second.reconnect(endpoint);
    }

    @Override
    public void malformedFrame(String endpoint) {
        first.malformedFrame(endpoint);
        second.malformedFrame(endpoint);
    }

    @Override
    public void overflow(String endpoint, String topic) {
        first.overflow(endpoint, topic);
        second.overflow(endpoint, topic);
    }

    @Override
    public Runnable topicMessages(String endpoint, String topic) {
        Runnable a = first.topicMessages(endpoint, topic);
        Runnable b = second.topicMessages(endpoint, topic);
        return () -> {
            a.run();
            b.run();
        };
    }

    @Override
    public void bookResync(String reason) {
        first.bookResync(reason);
        second.bookResync(reason);
    }
}
