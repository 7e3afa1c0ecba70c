package io.exflux.reactive.internal.unified;

import io.exflux.api.stream.ConnectionEvent;
import java.util.function.Consumer;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * One subscriber's live stream, repaired after reconnects with what a REST call recovers. Subclasses
 * decide what a live message, a connection event and a repair answer do; this class subscribes them,
 * serialises their handling under one lock (live messages arrive on an event loop, repair answers on
 * the HTTP client's), and emits in the order decided there.
 *
 * <p>Backpressure: the live stream is requested only as far as the subscriber requests, so its own
 * overflow policy keeps its meaning; repaired messages (at most one REST answer each time) are emitted
 * on top of that demand and wait in a buffer if the subscriber has not asked for them yet.
 *
 * @param <T> the message type
 */
abstract class RepairedStream<T> {

    private final Object lock = new Object();
    private FluxSink<T> sink;
    private BaseSubscriber<T> liveSubscriber;
    /** Bumped by every repair started, so an answer that a newer repair overtook is dropped. */
    private long generation;
    private Disposable repairing;

    /**
     * One run per subscriber: a fresh instance each time, subscribed to {@code live} and {@code events}. Every signal
     * to the sink is given under the lock, so the sink needs no serialising of its own ({@code push}: one queue hop
     * per message instead of two atomics more).
     */
    final Flux<T> run(Flux<T> live, Flux<ConnectionEvent> events) {
        return Flux.push(out -> {
            synchronized (lock) {
                sink = out;
            }
            Disposable watching = events.subscribe(this::onEventLocked, error -> { }, () -> { });
            liveSubscriber = new BaseSubscriber<>() {
                @Override
                protected void hookOnSubscribe(Subscription subscription) {
                    // demand comes from the subscriber, see onRequest below
                }

                @Override
                protected void hookOnNext(T value) {
                    synchronized (lock) {
                        onLive(value);
                    }
                }

                @Override
                protected void hookOnError(Throwable error) {
                    synchronized (lock) {
                        out.error(error);
                    }
                }

                @Override
                protected void hookOnComplete() {
                    synchronized (lock) {
                        out.complete();
                    }
                }
            };
            out.onDispose(() -> {
                watching.dispose();
                liveSubscriber.dispose();
                Disposable inFlight;
                synchronized (lock) {
                    inFlight = repairing;
                    repairing = null;
                }
                if (inFlight != null) {
                    inFlight.dispose();
                }
            });
            live.subscribe(liveSubscriber);
            out.onRequest(liveSubscriber::request);
            synchronized (lock) {
                started();
            }
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    private void onEventLocked(ConnectionEvent event) {
        synchronized (lock) {
            onEvent(event);
        }
    }

    /** Called once, under the lock, after the live stream and the events are subscribed. */
    void started() {
    }

    /** A live message, under the lock. */
    abstract void onLive(T value);

    /** A connection event of the socket carrying the live stream, under the lock. */
    abstract void onEvent(ConnectionEvent event);

    /** Emits downstream; call under the lock only. */
    final void emit(T value) {
        sink.next(value);
    }

    /** Fails the subscriber; call under the lock only. */
    final void fail(Throwable error) {
        sink.error(error);
    }

    /**
     * A live message that will never be emitted (a duplicate) still used one unit of the subscriber's
     * demand upstream: ask for one more, so the subscriber's request is honoured by the next message.
     */
    final void replaceDemand() {
        liveSubscriber.request(1);
    }

    /** Drops the repair in flight, if any: its answer will be ignored. Call under the lock. */
    final void cancelRepair() {
        generation++;
        Disposable previous = repairing;
        repairing = null;
        if (previous != null) {
            previous.dispose();
        }
    }

    /**
     * Runs {@code call} as the current repair (a previous one still in flight is dropped) and hands its
     * answer or error to {@code onAnswer}/{@code onError}, under the lock. {@code call} emits one value
     * or fails (collect lists with {@code collectList()}). Call under the lock.
     */
    final <R> void repair(Mono<R> call, Consumer<R> onAnswer, Consumer<Throwable> onError) {
        cancelRepair();
        long mine = generation;
        repairing = call.subscribe(answer -> {
            synchronized (lock) {
                if (mine == generation) {
                    repairing = null;
                    onAnswer.accept(answer);
                }
            }
        }, error -> {
            synchronized (lock) {
                if (mine == generation) {
                    repairing = null;
                    onError.accept(error);
                }
            }
        }, () -> { });
    }
}
