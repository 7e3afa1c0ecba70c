package io.exflux.reactive.internal.unified;

import io.exflux.api.stream.ConnectionEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Connection events that the unified streams raise themselves (a {@link ConnectionEvent.Gap} that a
 * back-fill could not close), for a client to merge into its {@code connectionEvents()}. Hot; a
 * subscriber without demand misses events (drop on backpressure), as with the sockets' own events.
 * Thread-safe: streams publish from any thread.
 */
public final class ConnectionNotices {

    private final Sinks.Many<ConnectionEvent> sink = Sinks.many().multicast().directBestEffort();

    /** Publishes {@code event} to the current subscribers. */
    public synchronized void publish(ConnectionEvent event) {
        sink.tryEmitNext(event);
    }

    /** The events from now on. */
    public Flux<ConnectionEvent> events() {
        return sink.asFlux().onBackpressureDrop();
    }

    /** Completes the subscribers; later events go nowhere. */
    public synchronized void complete() {
        sink.tryEmitComplete();
    }
}
