package io.exflux.reactive.internal.book;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One subscriber's book of a market whose socket events and REST book name their orders but carry no sequence
 * number (the v1 platform), kept in an {@link OrderIdBook} and handed to {@link OrderBookStream} as level updates:
 * a snapshot after each seed, absolute sizes of the levels each event moved.
 *
 * <p>A REST seed races the socket: events received while it is on its way may or may not be in it, and events the
 * socket has not delivered yet may already be. Every change received since the seed was asked for is logged, with
 * the book as it was then; when the seed comes, the position in that log where the seed fits best (the fewest
 * orders disagreeing) is taken as the moment it was read, and only the changes after it are applied on top of it
 * (unless that crosses the book: then they put back an order the seed no longer had, and the seed is taken alone).
 * If the seed fits after every change received and the old book missed nothing (see {@link #seed(Mono, boolean)}),
 * the changes that arrive in the next {@code lagWindow} are tested
 * the same way: one that brings the old book closer to the seed is already in it and skipped; the first that takes
 * it further is newer, and so is everything after it.
 *
 * <p>Cold per instance; one instance serves one subscription. Backpressure: buffers (updates are changes; the
 * {@link OrderBookStream} downstream keeps the latest book). Errors: those of the events; a failed seed fails
 * {@link #seed(Mono)}'s {@code Mono}. Thread-safe: events and seed answers are serialised under one lock.
 */
public final class OrderIdBookFeed {

    /** At most this many changes are logged while a seed is on its way; beyond, the seed is taken as it is. */
    private static final int MAX_LOGGED = 10_000;

    private final CurrencyPair pair;
    private final Duration lagWindow;
    private final Scheduler clock;
    private final Object lock = new Object();
    private FluxSink<OrderBookUpdate> sink;
    private OrderIdBook book = new OrderIdBook();
    private boolean seeded;
    /** Seeds on their way; while any is, changes are logged from the oldest one's start. */
    private final List<Window> windows = new ArrayList<>();
    private final List<BookOp> logged = new ArrayList<>();
    /** The number of {@code logged.get(0)}, and of the next change to arrive. */
    private long loggedFrom;
    private long nextChange;
    /**
     * Numbers the updates handed on: a snapshot holds every delta before it, so that {@link OrderBookEngine} drops
     * the deltas it buffered while awaiting it instead of replaying them onto it (replayed, the levels of the book
     * that had crossed came back and crossed it again).
     */
    private long sequence;
    /** After a seed that fitted after every logged change: the old book, measured against that seed. */
    private SeedDistance lagCheck;
    private OrderIdBook shadow;
    private long lagCheckUntil;

    /**
     * @param pair      the market, named in the updates
     * @param lagWindow how long after a seed arrives an event may still be one the seed holds
     * @param clock     the scheduler whose clock bounds {@code lagWindow}
     */
    public OrderIdBookFeed(CurrencyPair pair, Duration lagWindow, Scheduler clock) {
        this.pair = Objects.requireNonNull(pair, "pair");
        this.lagWindow = Objects.requireNonNull(lagWindow, "lagWindow");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The level updates: nothing before the first seed, then a snapshot per seed and a delta per batch of changes
     * that moved a level. Subscribe once.
     *
     * @param changes the socket's events, each as the changes it makes, in the order the socket delivered them
     */
    public Flux<OrderBookUpdate> updates(Flux<? extends List<BookOp>> changes) {
        return Flux.create(out -> {
            synchronized (lock) {
                sink = out;
            }
            Disposable watching = changes.subscribe(batch -> {
                synchronized (lock) {
                    onChanges(batch);
                }
            }, out::error, out::complete);
            out.onDispose(watching);
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    /**
     * Asks for a seed: changes are logged from the subscription on, and the answer is fitted into them (see the
     * class doc); the resulting book arrives as a snapshot in {@link #updates}. Completes empty once applied; fails
     * as {@code fetch} does.
     *
     * @param reliable whether the book kept so far missed no change (a seed to check a live book); {@code false}
     *                 for the first seed, one after a reconnect or after the book crossed
     */
    public Mono<OrderBook> seed(Mono<OrderIdSeed> fetch, boolean reliable) {
        return Mono.defer(() -> {
            Window window;
            synchronized (lock) {
                // each seed its own window: one answered late (a stalled call) must not stretch another's
                window = new Window(nextChange, book.copy());
                windows.add(window);
            }
            return fetch.doOnNext(answer -> {
                        synchronized (lock) {
                            fit(answer, reliable, window);
                        }
                    })
                    .doFinally(signal -> {
                        synchronized (lock) {
                            windows.remove(window);
                            trimLog();
                        }
                    })
                    .then(Mono.empty());
        });
    }

    /** The book when a seed was asked for, and the number of the first change received after. */
    private record Window(long start, OrderIdBook book) {
    }

    /** Drops the logged changes that no open window needs. */
    private void trimLog() {
        long keepFrom = nextChange;
        for (Window window : windows) {
            keepFrom = Math.min(keepFrom, window.start());
        }
        int drop = (int) Math.min(logged.size(), keepFrom - loggedFrom);
        logged.subList(0, drop).clear();
        loggedFrom += drop;
    }

    private void onChanges(List<BookOp> batch) {
        Map<Level, java.math.BigDecimal> moved = new LinkedHashMap<>();
        long now = clock.now(TimeUnit.MILLISECONDS);
        for (BookOp op : batch) {
            if (!windows.isEmpty()) {
                if (logged.size() >= MAX_LOGGED) {
                    // the oldest windows lose their start: their seeds are taken as they are
                    logged.remove(0);
                    loggedFrom++;
                }
                logged.add(op);
            } else {
                loggedFrom = nextChange + 1;
            }
            nextChange++;
            if (lagCheck != null) {
                if (now > lagCheckUntil) {
                    endLagCheck();
                } else {
                    int change = lagCheck.apply(shadow, op);
                    if (change < 0) {
                        continue; // the seed already holds it
                    }
                    if (change > 0) {
                        endLagCheck(); // newer than the seed, and so is everything after it
                    }
                }
            }
            OrderIdBook.RestingOrder touched = book.apply(op);
            if (touched != null) {
                moved.putIfAbsent(new Level(touched.side(), touched.price().stripTrailingZeros()), touched.price());
            }
        }
        if (seeded && !moved.isEmpty() && sink != null) {
            List<PriceLevel> bids = new ArrayList<>();
            List<PriceLevel> asks = new ArrayList<>();
            moved.forEach((level, price) -> (level.side() == Side.BUY ? bids : asks)
                    .add(new PriceLevel(price, book.levelAmount(level.side(), price))));
            sink.next(new OrderBookUpdate(pair, OrderBookUpdate.Kind.DELTA, OrderBookUpdate.Mode.ABSOLUTE, bids, asks,
                    ++sequence, -1, Instant.ofEpochMilli(now)));
        }
    }

    /** Fits a seed into the changes logged since it was asked for, and shows the result as a snapshot. */
    private void fit(OrderIdSeed answer, boolean reliable, Window window) {
        OrderIdBook fresh = OrderIdBook.of(answer.orders());
        endLagCheck();
        if (window.start() >= loggedFrom) {
            List<BookOp> since = logged.subList((int) (window.start() - loggedFrom), logged.size());
            OrderIdBook old = window.book().copy();
            SeedDistance distance = new SeedDistance(answer, old);
            int best = distance.distance();
            int fitsAfter = -1;
            for (int i = 0; i < since.size(); i++) {
                distance.apply(old, since.get(i));
                if (distance.distance() < best) {
                    best = distance.distance();
                    fitsAfter = i;
                }
            }
            OrderIdBook replayed = fresh.copy();
            for (int i = fitsAfter + 1; i < since.size(); i++) {
                replayed.apply(since.get(i));
            }
            // a seed is never crossed: a replay that crosses it put back an order the seed no longer had
            fresh = replayed.crossed() ? fresh : replayed;
            // only where the old book missed nothing is it evidence for the changes after the seed: after changes
            // missed (a reconnect), a change bringing it closer to the seed may as well be a newer one
            if (fitsAfter == since.size() - 1 && reliable) {
                lagCheck = distance;
                shadow = old;
                lagCheckUntil = clock.now(TimeUnit.MILLISECONDS) + lagWindow.toMillis();
            }
        }
        book = fresh;
        seeded = true;
        if (sink != null) {
            sink.next(new OrderBookUpdate(pair, OrderBookUpdate.Kind.SNAPSHOT, OrderBookUpdate.Mode.ABSOLUTE,
                    book.levels(Side.BUY), book.levels(Side.SELL), ++sequence, -1,
                    Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS))));
        }
    }

    private void endLagCheck() {
        lagCheck = null;
        shadow = null;
    }

    /** A price level of a side, its price without trailing zeros (so that 1.50 and 1.5 are one level). */
    private record Level(Side side, java.math.BigDecimal price) {
    }
}
