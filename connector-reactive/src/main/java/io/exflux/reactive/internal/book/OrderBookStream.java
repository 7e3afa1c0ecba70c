package io.exflux.reactive.internal.book;

import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PairInfo;
import io.exflux.api.stream.ConnectionEvent;
import java.util.Objects;
import java.util.function.Supplier;
import io.exflux.reactive.internal.metrics.EngineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.publisher.SynchronousSink;

/**
 * Turns a venue's raw book messages into consistent books, for a venue's {@code watchOrderBook}.
 *
 * <p>On subscription it subscribes to the updates and, at the same time, to a snapshot from the
 * supplier; updates that arrive while the snapshot loads are buffered and replayed onto it. On a gap,
 * a crossed book or an unreadable value the book is dropped and a new snapshot fetched (an in-flight
 * fetch is cancelled). A snapshot {@code Mono} that completes empty is fine when the venue sends its
 * snapshot in the update stream instead (BTSE re-subscribe); an in-stream snapshot also cancels a
 * pending fetch. Nothing is emitted while the book is inconsistent.
 *
 * <p>Staleness: given the connection events of the socket that carries the updates, a
 * {@link ConnectionEvent.Disconnected} (a lost or stalled connection) emits the last book again, marked
 * {@link OrderBook#stale()}; every book after it stays marked until a snapshot (fetched or in-stream) is
 * applied after a {@link ConnectionEvent.Connected}. So a subscriber never holds a stale book without a signal:
 * the stale copy arrives as soon as the engine knows the connection is gone (for a stall, within the stream's
 * stall timeout).
 *
 * <p>Backpressure: latest wins. A slow subscriber sees fewer books, each one consistent; the updates
 * are never slowed down by it.
 *
 * <p>Errors: an error of the updates or of a snapshot fetch ends the stream (retry the snapshot
 * {@code Mono} upstream if you want it retried); more than
 * {@link OrderBookStreamOptions#maxConsecutiveResyncs()} resyncs in a row end it with a
 * {@link ProtocolException}. Completion of the updates completes the stream.
 *
 * <p>Malformed updates (a negative amount, a value the book cannot hold) and refused ones are logged at WARN,
 * the first of each kind and then each time their count doubles, with the count.
 *
 * <p>No I/O of its own and no scheduler: everything runs on the threads of the two sources.
 */
public final class OrderBookStream {

    private static final Logger LOG = LoggerFactory.getLogger(OrderBookStream.class);

    private OrderBookStream() {
    }

    /** {@link #watch(PairInfo, Flux, Supplier, OrderBookStreamOptions)} with the default options. */
    public static Flux<OrderBook> watch(PairInfo info, Flux<?> updates,
                                        Supplier<Mono<OrderBook>> snapshots) {
        return watch(info, updates, snapshots, OrderBookStreamOptions.DEFAULTS);
    }

    /**
     * Consistent books of {@code info}'s market, latest wins, without a liveness signal (every book is
     * fresh): for sources that are not a socket, or whose owner signals staleness itself.
     *
     * @param info      the market and its precision
     * @param updates   the venue's book messages for that market (snapshots and deltas), each an
     *                  {@link OrderBookUpdate} or a {@link ScaledBookFrame}
     * @param snapshots called for each snapshot fetch; its {@code Mono} may complete empty when the
     *                  venue delivers the snapshot in {@code updates}
     * @param options   depth of the emitted books, buffer size, resync limit
     */
    public static Flux<OrderBook> watch(PairInfo info, Flux<?> updates,
                                        Supplier<Mono<OrderBook>> snapshots, OrderBookStreamOptions options) {
        return watch(info, updates, snapshots, options, Flux.never());
    }

    /**
     * Consistent books of {@code info}'s market, latest wins, marked {@link OrderBook#stale() stale} while the
     * connection behind {@code updates} is not live (see the class doc).
     *
     * @param info      the market and its precision
     * @param updates   the venue's book messages for that market (snapshots and deltas), each an
     *                  {@link OrderBookUpdate} or a {@link ScaledBookFrame}
     * @param snapshots called for each snapshot fetch; its {@code Mono} may complete empty when the
     *                  venue delivers the snapshot in {@code updates}
     * @param options   depth of the emitted books, buffer size, resync limit
     * @param events    the connection events of the socket that carries {@code updates} (hot; the connection
     *                  is taken as live when the subscription starts)
     */
    public static Flux<OrderBook> watch(PairInfo info, Flux<?> updates,
                                        Supplier<Mono<OrderBook>> snapshots, OrderBookStreamOptions options,
                                        Flux<ConnectionEvent> events) {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(updates, "updates");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(events, "events");
        return Flux.deferContextual(context -> new Session(info, snapshots, options, EngineMetrics.from(context))
                        .run(updates, events))
                .onBackpressureLatest();
    }

    /** A snapshot tagged with the fetch it answers, so that an answer to a cancelled fetch is ignored. */
    private record FetchedSnapshot(long fetch, OrderBook book) {
    }

    /** Marks the end of the updates. */
    private enum End { INSTANCE }

    /** The state of one subscription: its engine and its fetches. */
    private static final class Session {

        private final PairInfo info;
        private final Supplier<Mono<OrderBook>> snapshots;
        private final OrderBookStreamOptions options;
        private final EngineMetrics metrics;
        private final OrderBookEngine engine;
        private final Sinks.Many<Long> fetches = Sinks.many().unicast().onBackpressureBuffer();
        private long currentFetch;
        private int consecutiveResyncs;
        private final BookDefects defects;
        /** Whether the socket is connected, as far as its events tell; assumed at the start. */
        private boolean connected = true;
        /** Whether books are marked stale: from a disconnect until a snapshot applied while connected. */
        private boolean stale;
        /** The last book emitted, to emit again marked stale on a disconnect. */
        private OrderBook lastShown;

        Session(PairInfo info, Supplier<Mono<OrderBook>> snapshots, OrderBookStreamOptions options,
                EngineMetrics metrics) {
            this.metrics = metrics;
            this.info = info;
            this.defects = new BookDefects(LOG, info.pair());
            this.snapshots = snapshots;
            this.options = options;
            this.engine = new OrderBookEngine(info, options.maxBufferedUpdates());
        }

        Flux<OrderBook> run(Flux<?> updates, Flux<ConnectionEvent> events) {
            // a fetch number <= 0 only cancels the fetch in flight (switchMap drops it)
            Flux<Object> fetched = fetches.asFlux().switchMap(fetch -> fetch <= 0
                    ? Mono.empty()
                    : Mono.defer(snapshots).map(book -> new FetchedSnapshot(fetch, book)));
            Flux<Object> inputs = Flux.merge(updates.cast(Object.class).concatWith(Mono.just(End.INSTANCE)),
                    fetched, events.filter(Session::changesLiveness).cast(Object.class));
            requestSnapshot();
            // merge serialises both sources, so the engine is only ever touched by one thread at a time
            return inputs.handle(this::onInput);
        }

        private void onInput(Object input, SynchronousSink<OrderBook> sink) {
            if (input == End.INSTANCE) {
                sink.complete();
                return;
            }
            if (input instanceof ConnectionEvent event) {
                onConnectionEvent(event, sink);
                return;
            }
            ApplyResult result;
            boolean wholeBook;
            if (input instanceof FetchedSnapshot snapshot) {
                if (snapshot.fetch() != currentFetch) {
                    return; // answers a fetch we no longer wait for
                }
                result = engine.applySnapshot(snapshot.book());
                wholeBook = true;
            } else {
                if (input instanceof ScaledBookFrame frame) {
                    result = engine.apply(frame);
                    wholeBook = engine.lastMessageWasSnapshot();
                } else if (input instanceof OrderBookUpdate update) {
                    result = engine.apply(update);
                    wholeBook = update.kind() == OrderBookUpdate.Kind.SNAPSHOT;
                } else {
                    sink.error(new IllegalArgumentException("not a book message: " + input.getClass().getName()));
                    return;
                }
                if (wholeBook && currentFetch > 0) {
                    cancelFetch(); // the venue sent the book itself
                }
            }
            switch (result.status()) {
                case APPLIED -> {
                    consecutiveResyncs = 0;
                    if (wholeBook && connected) {
                        stale = false;
                    }
                    OrderBook book = engine.view(options.depth());
                    show(stale ? book.asStale() : book, sink);
                }
                case BUFFERED -> {
                    // shown once the snapshot arrives
                }
                case REJECTED -> defects.record(BookDefects.Kind.NOT_APPLIED, result.detail());
                case NEEDS_SNAPSHOT -> resync(result, sink);
                default -> throw new IllegalStateException("unknown status " + result.status());
            }
        }

        private static boolean changesLiveness(ConnectionEvent event) {
            return event instanceof ConnectionEvent.Disconnected || event instanceof ConnectionEvent.Connected;
        }

        /** A disconnect marks the book stale at once (the last book again, marked); a connect allows a fresh one. */
        private void onConnectionEvent(ConnectionEvent event, SynchronousSink<OrderBook> sink) {
            if (event instanceof ConnectionEvent.Connected) {
                connected = true;
                return;
            }
            connected = false;
            if (!stale) {
                stale = true;
                if (lastShown != null) {
                    show(lastShown.asStale(), sink);
                }
            }
        }

        private void show(OrderBook book, SynchronousSink<OrderBook> sink) {
            lastShown = book;
            sink.next(book);
        }

        private void resync(ApplyResult result, SynchronousSink<OrderBook> sink) {
            if (++consecutiveResyncs > options.maxConsecutiveResyncs()) {
                ProtocolException error = new ProtocolException(info.pair() + " book: gave up after "
                        + options.maxConsecutiveResyncs() + " resyncs in a row; last: " + result.reason()
                        + " (" + result.detail() + ")", null, result.error());
                sink.error(error);
                return;
            }
            metrics.bookResync(result.reason().name().toLowerCase(java.util.Locale.ROOT));
            if (result.reason() == ResyncReason.INVALID_UPDATE) {
                defects.record(BookDefects.Kind.MALFORMED, result.detail());
            } else {
                LOG.info("{} book: fetching a new snapshot after {}: {}", info.pair(), result.reason(),
                        result.detail());
            }
            requestSnapshot();
        }

        private void requestSnapshot() {
            currentFetch = Math.abs(currentFetch) + 1;
            fetches.emitNext(currentFetch, Sinks.EmitFailureHandler.FAIL_FAST);
        }

        private void cancelFetch() {
            currentFetch = -Math.abs(currentFetch);
            fetches.emitNext(currentFetch, Sinks.EmitFailureHandler.FAIL_FAST);
        }
    }
}
