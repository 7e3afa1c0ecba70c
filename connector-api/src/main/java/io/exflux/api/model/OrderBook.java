package io.exflux.api.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable view of a book: bids best (highest) first, asks best (lowest) first, every amount
 * positive.
 *
 * @param sequence the venue's sequence number of the last update applied, or {@code -1} when it has none
 * @param stale    {@code true} when the book may no longer match the venue's: a watched book's connection was
 *                 lost (or declared stalled) and the book has not been reseeded since. A stale book is the last
 *                 one known, not the venue's current one; a fresh ({@code false}) book follows once the stream
 *                 has a new snapshot on a live connection
 */
public record OrderBook(
        CurrencyPair pair,
        List<PriceLevel> bids,
        List<PriceLevel> asks,
        Instant timestamp,
        long sequence,
        boolean stale) {

    /** A fresh (not stale) book. */
    public OrderBook(CurrencyPair pair, List<PriceLevel> bids, List<PriceLevel> asks, Instant timestamp, long sequence) {
        this(pair, bids, asks, timestamp, sequence, false);
    }

    /** Copies the sides and checks them: amounts positive, bids strictly falling and asks strictly rising (best first). */
    public OrderBook {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(timestamp, "timestamp");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
        checkSide(bids, true);
        checkSide(asks, false);
    }

    private static void checkSide(List<PriceLevel> levels, boolean descending) {
        for (int i = 0; i < levels.size(); i++) {
            PriceLevel level = levels.get(i);
            if (level.amount().signum() <= 0) {
                throw new IllegalArgumentException("book level amount must be positive: " + level);
            }
            if (i > 0) {
                int order = levels.get(i - 1).price().compareTo(level.price());
                if (descending ? order <= 0 : order >= 0) {
                    throw new IllegalArgumentException((descending ? "bids" : "asks")
                            + " must be strictly ordered best first at index " + i);
                }
            }
        }
    }

    /** The highest bid, or empty when there are no bids. */
    public Optional<PriceLevel> bestBid() {
        return bids.isEmpty() ? Optional.empty() : Optional.of(bids.get(0));
    }

    /** The lowest ask, or empty when there are no asks. */
    public Optional<PriceLevel> bestAsk() {
        return asks.isEmpty() ? Optional.empty() : Optional.of(asks.get(0));
    }

    /** Best ask minus best bid, when both sides have a level. */
    public Optional<BigDecimal> spread() {
        return bestBid().flatMap(b -> bestAsk().map(a -> a.price().subtract(b.price())));
    }

    /** The midpoint of best bid and best ask, when both sides have a level. */
    public Optional<BigDecimal> mid() {
        return bestBid().flatMap(b -> bestAsk().map(a -> a.price().add(b.price())
                .divide(BigDecimal.valueOf(2), MathContext.DECIMAL64)));
    }

    /** True when the best bid is at or above the best ask, which a consistent book never is. */
    public boolean isCrossed() {
        return bestBid().isPresent() && bestAsk().isPresent()
                && bestBid().get().price().compareTo(bestAsk().get().price()) >= 0;
    }

    /** This book cut to at most {@code levels} levels a side. */
    public OrderBook depth(int levels) {
        if (levels < 0) {
            throw new IllegalArgumentException("levels must not be negative: " + levels);
        }
        if (bids.size() <= levels && asks.size() <= levels) {
            return this;
        }
        return new OrderBook(pair, bids.subList(0, Math.min(levels, bids.size())),
                asks.subList(0, Math.min(levels, asks.size())), timestamp, sequence, stale);
    }

    /** This book marked {@link #stale() stale} (itself when it already is). */
    public OrderBook asStale() {
        return stale ? this : new OrderBook(pair, bids, asks, timestamp, sequence, true);
    }
}
