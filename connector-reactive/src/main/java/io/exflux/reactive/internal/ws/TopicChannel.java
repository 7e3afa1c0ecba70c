package io.exflux.reactive.internal.ws;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One topic of a {@link StreamEndpoint}: the shared hot flux every subscriber of the topic reads, and
 * its reference count. Guarded by the owning connection's lock.
 */
final class TopicChannel<M> {

    final String name;
    /** Best effort: a subscriber without demand misses a message, the others never wait for it. */
    private final Sinks.Many<M> sink = Sinks.many().multicast().directBestEffort();
    int references;
    Disposable pendingUnsubscribe;
    ReconnectingSocket<M> socket;

    TopicChannel(String name) {
        this.name = name;
    }

    void publish(M message) {
        Emitters.emit(sink, message);
    }

    Flux<M> flux() {
        return sink.asFlux();
    }

    void complete() {
        Emitters.complete(sink);
    }
}
