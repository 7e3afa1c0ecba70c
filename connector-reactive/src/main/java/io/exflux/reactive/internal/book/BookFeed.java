package io.exflux.reactive.internal.book;

import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PairInfo;
import io.exflux.api.stream.ConnectionEvent;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A watched book for venues without sequence numbers that send no book on subscribe: seeded from a
 * REST snapshot, kept with the socket's updates, and re-seeded from REST after every reconnect (changes
 * made while the socket was away reach it neither as delta nor as whole book). The re-seed is asked for
 * on {@code Connected}, which the engine reports only once the venue took the subscriptions again (where
 * it answers them), so no change falls between the REST answer and the first update. A re-seed answer
 * that a whole-book frame overtakes is dropped: the frame is at least as new.
 *
 * <p>While the socket is away (lost, or declared stalled by its stall timeout) the last book is emitted again
 * marked {@link OrderBook#stale()}, and books stay marked until the re-seed (or a whole-book frame) arrives
 * after the reconnect (see {@link OrderBookStream}).
 *
 * <p>Cold; each subscriber has its own book. Backpressure: latest wins (see {@link OrderBookStream}).
 * Errors: those of {@link OrderBookStream}; a failed re-seed is logged and skipped, the socket's next
 * whole book repairs the book.
 */
public final class BookFeed {

    private static final Logger LOG = LoggerFactory.getLogger(BookFeed.class);

    private BookFeed() {
    }

    /**
     * Consistent books of {@code info}'s market.
     *
     * @param info       the market and its precision
     * @param snapshot   one REST snapshot per call (the first seed and every re-seed)
     * @param updates    every book message of the market (deltas and whole books), each an
     *                   {@link OrderBookUpdate} or a {@link ScaledBookFrame}
     * @param wholeBooks the whole-book messages alone (each one is newer than a REST answer still in flight)
     * @param events     the connection events of the socket that carries {@code updates}
     * @param options    depth and resync limits
     */
    public static Flux<OrderBook> watch(PairInfo info, Supplier<Mono<OrderBook>> snapshot,
                                        Flux<?> updates, Flux<?> wholeBooks,
                                        Flux<ConnectionEvent> events, OrderBookStreamOptions options) {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(snapshot, "snapshot");
        Flux<Object> all = Flux.merge(updates.cast(Object.class),
                reseedAfterReconnect(info, snapshot, wholeBooks, events).cast(Object.class));
        return OrderBookStream.watch(info, all, snapshot, options, events);
    }

    /** After each disconnect, the next connect brings a fresh REST book into the updates, as a snapshot. */
    static Flux<OrderBookUpdate> reseedAfterReconnect(PairInfo info, Supplier<Mono<OrderBook>> snapshot,
                                                      Flux<?> wholeBooks, Flux<ConnectionEvent> events) {
        return events.filter(event -> event instanceof ConnectionEvent.Disconnected)
                .switchMap(disconnected -> events.filter(event -> event instanceof ConnectionEvent.Connected).next())
                .concatMap(connected -> snapshot.get()
                        .takeUntilOther(wholeBooks)
                        .map(BookFeed::asSnapshot)
                        .onErrorResume(error -> {
                            LOG.warn("book re-seed of {} after reconnect failed: {}", info.symbol(), error.toString());
                            return Mono.empty();
                        }));
    }

    /**
     * One more REST book {@code settle} after every connect, as a snapshot: for a venue whose socket neither
     * acknowledges a subscription nor numbers its messages, a connect does not say when the venue starts sending
     * the channel, so a change made between the re-seed and that moment would otherwise never reach the book. The
     * late seed replaces the book once the subscription has surely taken effect. A failed one is logged and the
     * next connect tries again.
     */
    public static Flux<OrderBookUpdate> settledReseeds(PairInfo info, Supplier<Mono<OrderBook>> snapshot,
                                                       Flux<ConnectionEvent> events, Duration settle,
                                                       Scheduler scheduler) {
        return events.filter(event -> event instanceof ConnectionEvent.Connected)
                .switchMap(connected -> Mono.delay(settle, scheduler)
                        .then(Mono.defer(snapshot::get))
                        .map(BookFeed::asSnapshot)
                        .onErrorResume(error -> {
                            LOG.warn("settled book re-seed of {} failed: {}", info.symbol(), error.toString());
                            return Mono.empty();
                        }));
    }

    private static OrderBookUpdate asSnapshot(OrderBook book) {
        return new OrderBookUpdate(book.pair(), OrderBookUpdate.Kind.SNAPSHOT, OrderBookUpdate.Mode.ABSOLUTE,
                book.bids(), book.asks(), -1, -1, book.timestamp());
    }
}
