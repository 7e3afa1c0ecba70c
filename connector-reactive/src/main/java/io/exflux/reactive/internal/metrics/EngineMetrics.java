package io.exflux.reactive.internal.metrics;

import java.util.function.IntSupplier;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * What the engine reports about its work: REST calls, retries, 429s, rate-limit waits, websocket reconnects,
 * malformed frames, overflows, book resyncs, live sockets and topics, messages per topic. The engine calls these
 * hooks and never a metrics library, so venues need no code and nothing of Micrometer is loaded unless the
 * application gives {@code ClientResources} a registry ({@link #NONE} otherwise).
 *
 * <p>Every hook is cheap and non-blocking: it may run on an event loop. The meters each hook feeds are listed in
 * {@code docs/guide/metrics.md}.
 */
public interface EngineMetrics {

    /** Records nothing. */
    EngineMetrics NONE = new EngineMetrics() {
    };

    /**
     * Wraps one REST call (all its attempts): times it by venue, operation and outcome, and observes it as a child
     * of the caller's observation found in the Reactor {@code Context}. Cold, like {@code call}.
     *
     * @param operation what the call does, of low cardinality (method and path, without ids or query)
     */
    default <T> Mono<T> restCall(String venue, String operation, Mono<T> call) {
        return call;
    }

    /** A REST call is sent again after a failed attempt. */
    default void restRetry(String venue, String operation) {
    }

    /** The venue answered 429 Too Many Requests. */
    default void restRateLimited(String venue, String operation) {
    }

    /** An attempt waited for its rate-limit permit (it was not available at once). */
    default void rateLimitWait(String venue, String scope) {
    }

    /**
     * A websocket endpoint exists: {@code sockets} and {@code topics} tell how many it has now. Returns what
     * removes those gauges when the endpoint closes.
     */
    default Runnable streamOpened(String endpoint, IntSupplier sockets, IntSupplier topics) {
        return () -> { };
    }

    /** A socket of the endpoint lost its connection and will connect again. */
    default void reconnect(String endpoint) {
    }

    /** A frame of the endpoint could not be read and was skipped. */
    default void malformedFrame(String endpoint) {
    }

    /** A subscriber of a topic fell behind beyond its overflow policy's buffer. */
    default void overflow(String endpoint, String topic) {
    }

    /**
     * What counts the messages delivered to one topic (a registry makes a rate of it); taken once per topic so that
     * the hot path only increments.
     */
    default Runnable topicMessages(String endpoint, String topic) {
        return () -> { };
    }

    /**
     * Puts these metrics in a subscriber's Context, for engine parts that have no resources of their own (the
     * order-book stream reads them from there).
     */
    default Context inContext(Context context) {
        return context.put(EngineMetrics.class, this);
    }

    /** The metrics a Context holds, or {@link #NONE}. */
    static EngineMetrics from(ContextView context) {
        return context.getOrDefault(EngineMetrics.class, NONE);
    }

    /** An order book is rebuilt from a fresh snapshot (a gap, an invalid update, an overflow). */
    default void bookResync(String reason) {
    }
}
