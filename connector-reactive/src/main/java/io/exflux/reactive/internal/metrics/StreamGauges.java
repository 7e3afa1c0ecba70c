package io.exflux.reactive.internal.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * The socket and topic gauges of each endpoint. Two streams to one URL (two clients on one API key, say) share
 * a gauge, which shows their sum: a registry keeps one gauge per name and tags, so each stream adds its count to
 * it and the gauge leaves the registry with the last of them.
 */
final class StreamGauges {

    private final MeterRegistry registry;
    private final Map<String, Shared> byEndpoint = new HashMap<>();

    StreamGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    synchronized Runnable add(String endpoint, IntSupplier sockets, IntSupplier topics) {
        Shared shared = byEndpoint.computeIfAbsent(endpoint, this::register);
        shared.sockets.add(sockets);
        shared.topics.add(topics);
        return () -> remove(endpoint, shared, sockets, topics);
    }

    private synchronized void remove(String endpoint, Shared shared, IntSupplier sockets, IntSupplier topics) {
        shared.sockets.remove(sockets);
        shared.topics.remove(topics);
        if (shared.sockets.isEmpty() && byEndpoint.remove(endpoint, shared)) {
            registry.remove(shared.socketGauge);
            registry.remove(shared.topicGauge);
        }
    }

    private Shared register(String endpoint) {
        List<IntSupplier> sockets = new CopyOnWriteArrayList<>();
        List<IntSupplier> topics = new CopyOnWriteArrayList<>();
        Gauge socketGauge = Gauge.builder(MeterNames.STREAM_SOCKETS, sockets, StreamGauges::sum)
                .tag("endpoint", endpoint).strongReference(true).register(registry);
        Gauge topicGauge = Gauge.builder(MeterNames.STREAM_TOPICS, topics, StreamGauges::sum)
                .tag("endpoint", endpoint).strongReference(true).register(registry);
        return new Shared(sockets, topics, socketGauge, topicGauge);
    }

    private static double sum(List<IntSupplier> counts) {
        return counts.stream().mapToInt(IntSupplier::getAsInt).sum();
    }

    private record Shared(List<IntSupplier> sockets, List<IntSupplier> topics, Gauge socketGauge, Gauge topicGauge) {
    }
}
