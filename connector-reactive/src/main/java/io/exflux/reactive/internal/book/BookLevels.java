package io.exflux.reactive.internal.book;

import io.exflux.api.model.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** A venue's whole-book side made safe to show: equal prices merged, empty levels dropped, best first. */
public final class BookLevels {

    private BookLevels() {
    }

    /**
     * The levels of one side of a finished book (a REST order book), best first (bids high to low, asks low to
     * high). Levels without a positive price or amount are left out and equal prices are added up, so a venue
     * glitch never breaks the book.
     */
    public static <T> List<PriceLevel> bestFirst(List<T> levels, Function<T, BigDecimal> price,
                                                 Function<T, BigDecimal> amount, boolean bids) {
        return sorted(levels, price, amount, bids, false);
    }

    /**
     * The levels of one side of a whole-book update from a stream, for {@link OrderBookEngine}: as
     * {@link #bestFirst}, but a level with a negative amount is kept as sent, so that the engine refuses the
     * update as malformed and the book resyncs (rather than showing a book missing what the venue got wrong).
     */
    public static <T> List<PriceLevel> forUpdate(List<T> levels, Function<T, BigDecimal> price,
                                                 Function<T, BigDecimal> amount, boolean bids) {
        return sorted(levels, price, amount, bids, true);
    }

    private static <T> List<PriceLevel> sorted(List<T> levels, Function<T, BigDecimal> price,
                                               Function<T, BigDecimal> amount, boolean bids, boolean keepNegative) {
        Comparator<BigDecimal> order = bids ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Map<BigDecimal, BigDecimal> merged = new TreeMap<>(order);
        List<PriceLevel> negative = new ArrayList<>();
        for (T level : levels) {
            BigDecimal p = price.apply(level);
            BigDecimal a = amount.apply(level);
            if (p != null && a != null && p.signum() > 0) {
                if (a.signum() > 0) {
                    merged.merge(p, a, BigDecimal::add);
                } else if (a.signum() < 0 && keepNegative) {
                    negative.add(new PriceLevel(p, a));
                }
            }
        }
        List<PriceLevel> out = new ArrayList<>(merged.size() + negative.size());
        merged.forEach((p, a) -> out.add(new PriceLevel(p, a)));
        out.addAll(negative);
        return out;
    }
}
