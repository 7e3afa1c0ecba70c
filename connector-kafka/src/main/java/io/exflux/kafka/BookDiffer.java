package io.exflux.kafka;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PriceLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the collector's successive books of one pair into what goes on Kafka: a snapshot first (and again
 * every {@code snapshotInterval}, and after a stale spell), otherwise the levels that changed as an
 * absolute delta (amount zero removes a level). Every message takes the next number of one sequence per
 * stream, which starts at the stream's start time in milliseconds times one million: a later owner of the
 * pair (after a rebalance) always numbers above an earlier one, so a reader drops what an old owner sends
 * late. Not thread-safe: one book stream feeds it.
 */
final class BookDiffer {

    private final CurrencyPair pair;
    private final Duration snapshotInterval;
    private long sequence;
    private OrderBook last;
    private Instant lastSnapshot = Instant.MIN;

    BookDiffer(CurrencyPair pair, Duration snapshotInterval, Instant start) {
        this.pair = pair;
        this.snapshotInterval = snapshotInterval;
        this.sequence = start.toEpochMilli() * 1_000_000L;
    }

    /** The message for {@code book}, or {@code null} when nothing changed or the book is stale. */
    OrderBookUpdate next(OrderBook book, Instant now) {
        if (book.stale()) {
            last = null; // the next fresh book is published whole
            return null;
        }
        if (last == null || !now.isBefore(lastSnapshot.plus(snapshotInterval))) {
            last = book;
            lastSnapshot = now;
            long previous = sequence;
            sequence++;
            return new OrderBookUpdate(pair, OrderBookUpdate.Kind.SNAPSHOT, OrderBookUpdate.Mode.ABSOLUTE,
                    book.bids(), book.asks(), sequence, previous, book.timestamp());
        }
        List<PriceLevel> bids = changes(last.bids(), book.bids());
        List<PriceLevel> asks = changes(last.asks(), book.asks());
        last = book;
        if (bids.isEmpty() && asks.isEmpty()) {
            return null;
        }
        long previous = sequence;
        sequence++;
        return new OrderBookUpdate(pair, OrderBookUpdate.Kind.DELTA, OrderBookUpdate.Mode.ABSOLUTE, bids, asks,
                sequence, previous, book.timestamp());
    }

    private static List<PriceLevel> changes(List<PriceLevel> before, List<PriceLevel> after) {
        Map<BigDecimal, BigDecimal> old = new TreeMap<>();
        for (PriceLevel level : before) {
            old.put(level.price(), level.amount());
        }
        List<PriceLevel> changed = new ArrayList<>();
        for (PriceLevel level : after) {
            BigDecimal was = old.remove(level.price());
            if (was == null || was.compareTo(level.amount()) != 0) {
                changed.add(level);
            }
        }
        for (BigDecimal gone : old.keySet()) {
            changed.add(new PriceLevel(gone, BigDecimal.ZERO));
        }
        return changed;
    }
}
