package io.exflux.reactive.internal.ws;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One topic of a {@link StreamEndpoint}: the shared hot flux every subscriber of the topic reads, and
 * its reference count. Guarded by the owning endpoint's lock, except the sink, which a refusal replaces.
 */
final class TopicChannel<M> {

    final String name;
    /** Best effort: a subscriber without demand misses a message, the others never wait for it. */
    private volatile Sinks.Many<M> sink = newSink();
    int references;
    Disposable pendingUnsubscribe;
    ReconnectingSocket<M> socket;
    /** Counts the messages of this topic (a no-op without a meter registry). */
    private final Runnable delivered;

    TopicChannel(String name, Runnable delivered) {
        this.name = name;
        this.delivered = delivered;
    }

    private static <M> Sinks.Many<M> newSink() {
        return Sinks.many().multicast().directBestEffort();
    }

    void publish(M message) {
        delivered.run();
        Emitters.emit(sink, message);
    }

    /** The current subscribers' view; a subscriber that comes after a {@link #fail} gets the fresh one. */
    Flux<M> flux() {
        return sink.asFlux();
    }

    /**
     * Fails the subscribers listening now and opens a fresh sink for the next ones, so the topic stays
     * usable (a refused subscription is not a dead topic: the next subscriber tries again).
     */
    void fail(Throwable error) {
        Sinks.Many<M> failing;
        synchronized (this) {
            failing = sink;
            sink = newSink();
        }
        Emitters.error(failing, error);
    }

    void complete() {
        Emitters.complete(sink);
    }
}
