package io.exflux.reactive.internal.ws;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Sinks;

/**
 * A hot, best-effort multicast sink that any thread may feed at any time, including a subscriber's own code from
 * inside a delivery. Reactor's sinks refuse a value offered while another is being delivered
 * ({@code FAIL_NON_SERIALIZED}) and leave it to the caller; spinning on that cannot succeed when the thread
 * delivering is the caller itself, and gives up (losing the value) when the other thread is slow. Here the value
 * waits in a queue instead and the thread delivering hands it on when it is done: nothing is lost, nothing spins,
 * order is the order of arrival. The queueing is Reactor's own serialized {@link FluxSink}.
 *
 * <p>Delivery is synchronous when nobody else is delivering. A subscriber without demand misses the value, as
 * with {@code directBestEffort}; a sink without subscribers drops it.
 */
final class SerializedSink<T> {

    private static final Logger log = LoggerFactory.getLogger(SerializedSink.class);

    /** Fed by one thread at a time (the entry's drain), so it needs no serialization of its own. */
    private final Sinks.Many<T> delivery = Sinks.unsafe().many().multicast().directBestEffort();
    private final FluxSink<T> entry;

    SerializedSink() {
        AtomicReference<FluxSink<T>> created = new AtomicReference<>();
        Flux.<T>create(created::set, FluxSink.OverflowStrategy.BUFFER)
                .subscribe(this::deliver, delivery::tryEmitError, delivery::tryEmitComplete);
        entry = created.get();
    }

    private void deliver(T value) {
        try {
            delivery.tryEmitNext(value);
        } catch (RuntimeException subscriberFailure) {
            // a subscriber that throws must not end the sink for every other subscriber
            log.warn("a subscriber failed on a {}", value.getClass().getSimpleName(), subscriberFailure);
        }
    }

    void next(T value) {
        entry.next(value);
    }

    void complete() {
        entry.complete();
    }

    Flux<T> asFlux() {
        return delivery.asFlux();
    }
}
