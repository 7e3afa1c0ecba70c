package io.exflux.testkit.sim;

import io.exflux.api.model.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One side of one book: price levels best first, each a FIFO queue of resting orders (price-time priority). */
final class BookSide {

    /** A price level: its queue and the cached total of what rests there. */
    static final class Level {
        final BigDecimal price;
        final ArrayDeque<OrderState> orders = new ArrayDeque<>();
        BigDecimal total = BigDecimal.ZERO;

        Level(BigDecimal price) {
            this.price = price;
        }
    }

    private final TreeMap<BigDecimal, Level> levels;
    private final int priceScale;
    private final int amountScale;

    /** Prices and totals come out at the market's scales (e.g. "100.00"), whatever scale came in. */
    BookSide(boolean bids, int priceScale, int amountScale) {
        this.priceScale = priceScale;
        this.amountScale = amountScale;
        this.levels = new TreeMap<>(bids ? Comparator.<BigDecimal>reverseOrder() : Comparator.<BigDecimal>naturalOrder());
    }

    Level best() {
        Map.Entry<BigDecimal, Level> first = levels.firstEntry();
        return first == null ? null : first.getValue();
    }

    Iterable<Level> bestFirst() {
        return levels.values();
    }

    /** Adds an order at the back of its level's queue; returns the level. */
    Level add(OrderState order, BigDecimal price, BigDecimal amount) {
        Level level = levels.computeIfAbsent(price.setScale(priceScale), Level::new);
        level.orders.addLast(order);
        level.total = level.total.add(amount);
        return level;
    }

    /** Removes an order (cancel); returns its level or null if it was not resting. */
    Level remove(OrderState order, BigDecimal price) {
        Level level = levels.get(price.setScale(priceScale));
        if (level == null || !level.orders.remove(order)) {
            return null;
        }
        level.total = level.total.subtract(order.remaining());
        dropIfEmpty(level);
        return level;
    }

    void dropIfEmpty(Level level) {
        if (level.orders.isEmpty()) {
            levels.remove(level.price);
        }
    }

    int levelCount() {
        return levels.size();
    }

    List<PriceLevel> top(int depth) {
        List<PriceLevel> out = new ArrayList<>(Math.min(depth, levels.size()));
        for (Level level : levels.values()) {
            if (out.size() >= depth) {
                break;
            }
            out.add(new PriceLevel(level.price, level.total.setScale(amountScale, java.math.RoundingMode.DOWN)));
        }
        return out;
    }
}
