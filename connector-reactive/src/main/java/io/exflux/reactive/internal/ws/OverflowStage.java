package io.exflux.reactive.internal.ws;

import io.exflux.api.error.StreamOverflowException;
import io.exflux.api.stream.OverflowPolicy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;

/**
 * Applies an {@link OverflowPolicy} to one subscriber's view of a shared topic flux. Every stage
 * requests unbounded from the shared flux, so the socket and the other subscribers never wait for
 * this one; only this subscriber's view changes when it falls behind.
 *
 * <p>The bounded policies detach from the shared flux the moment the buffer overflows; the subscriber
 * still receives what its buffer held, then the overflow error (fail) or the resync marker followed by
 * the messages that arrive from then on (resync). Nothing before the gap is dropped silently.
 */
final class OverflowStage {

    private OverflowStage() {
    }

    /**
     * @param shared       the topic's hot flux (no reference counting: the caller holds the topic)
     * @param resyncMarker for {@link OverflowPolicy.Kind#BUFFER_THEN_RESYNC}: the message emitted after a
     *                     gap, telling the subscriber to rebuild its state from a fresh snapshot
     * @param overflowed   called once per overflow (the meters count it)
     */
    static <M> Flux<M> apply(Flux<M> shared, String topic, OverflowPolicy policy, Supplier<? extends M> resyncMarker,
                             Runnable overflowed) {
        switch (policy.kind()) {
            case LATEST:
                return shared.onBackpressureLatest();
            case BUFFER_THEN_FAIL:
                return bounded(shared, policy.capacity(), overflowed)
                        .onErrorMap(Exceptions::isOverflow, e -> new StreamOverflowException(topic, policy.capacity()));
            case BUFFER_THEN_RESYNC:
                return resyncing(shared, policy.capacity(), resyncMarker, overflowed);
            default:
                throw new IllegalStateException("unknown overflow policy " + policy.kind());
        }
    }

    private static <M> Flux<M> bounded(Flux<M> shared, int capacity, Runnable overflowed) {
        // counted when it happens: the error itself reaches a subscriber without demand only once it asks again
        return shared.onBackpressureBuffer(capacity, dropped -> overflowed.run(), BufferOverflowStrategy.ERROR);
    }

    /**
     * On overflow the buffer is discarded, the marker is emitted, and the subscriber continues with the
     * messages that arrive from then on: everything after the marker is newer than the gap. Re-attaching
     * is a flat repeat (no operator chain grows with the number of overflows).
     */
    private static <M> Flux<M> resyncing(Flux<M> shared, int capacity, Supplier<? extends M> resyncMarker,
                                         Runnable overflowed) {
        return Flux.defer(() -> {
            AtomicBoolean ended = new AtomicBoolean();
            return bounded(shared, capacity, overflowed)
                    .doOnComplete(() -> ended.set(true))
                    .onErrorResume(Exceptions::isOverflow, overflow -> Flux.just(resyncMarker.get()))
                    .repeat(() -> !ended.get());
        });
    }
}
