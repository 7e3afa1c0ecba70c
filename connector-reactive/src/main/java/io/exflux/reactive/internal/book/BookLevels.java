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
     * The levels of one side, best first (bids high to low, asks low to high). Levels without a positive
     * price or amount are left out and equal prices are added up, so a venue glitch never breaks the book.
     */
    public static <T> List<PriceLevel> bestFirst(List<T> levels, Function<T, BigDecimal> price,
                                                 Function<T, BigDecimal> amount, boolean bids) {
        Comparator<BigDecimal> order = bids ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Map<BigDecimal, BigDecimal> merged = new TreeMap<>(order);
        for (T level : levels) {
            BigDecimal p = price.apply(level);
            BigDecimal a = amount.apply(level);
            if (p != null && a != null && p.signum() > 0 && a.signum() > 0) {
                merged.merge(p, a, BigDecimal::add);
            }
        }
        List<PriceLevel> out = new ArrayList<>(merged.size());
        merged.forEach((p, a) -> out.add(new PriceLevel(p, a)));
        return out;
    }
}
