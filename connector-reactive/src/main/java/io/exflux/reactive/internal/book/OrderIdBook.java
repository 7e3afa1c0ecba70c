package io.exflux.reactive.internal.book;

import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A book kept per resting order, for venues whose events and REST book name their orders: the orders by id, and
 * the price levels the unified book shows derived from them (the sum of the amounts resting at each price). Kept per
 * order, every {@link BookOp} is idempotent against a book that already holds its effect, which a book of levels
 * cannot be. Amounts never go negative: a fill larger than what rests removes the order.
 *
 * <p>Not thread-safe: one owner serialises every call. No I/O.
 */
public final class OrderIdBook {

    /** One order resting on the book. */
    public record RestingOrder(long id, Side side, BigDecimal price, BigDecimal amount) {
        public RestingOrder {
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(amount, "amount");
        }
    }

    private final Map<Long, RestingOrder> orders = new HashMap<>();
    private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

    /** An empty book. */
    public OrderIdBook() {
    }

    /** A book of these orders (those with no positive amount left out). */
    public static OrderIdBook of(Collection<RestingOrder> resting) {
        OrderIdBook book = new OrderIdBook();
        for (RestingOrder order : resting) {
            book.apply(new BookOp.Place(order.id(), order.side(), order.price(), order.amount()));
        }
        return book;
    }

    /** An independent copy. */
    public OrderIdBook copy() {
        OrderIdBook copy = new OrderIdBook();
        copy.orders.putAll(orders);
        copy.bids.putAll(bids);
        copy.asks.putAll(asks);
        return copy;
    }

    /** The order resting with this id, or {@code null}. */
    public RestingOrder get(long id) {
        return orders.get(id);
    }

    /** The ids resting, a live view: do not change the book while iterating. */
    public java.util.Set<Long> ids() {
        return java.util.Collections.unmodifiableSet(orders.keySet());
    }

    /** How many orders rest. */
    public int size() {
        return orders.size();
    }

    /**
     * Applies one change and returns the order as it rested before it (or as placed), so that the caller knows which
     * price level moved; {@code null} when the change changed nothing (a place of an order the book holds or of no
     * amount, a fill or removal of an order it lacks).
     */
    public RestingOrder apply(BookOp op) {
        if (op instanceof BookOp.Place place) {
            if (orders.containsKey(place.id()) || place.amount().signum() <= 0) {
                return null;
            }
            RestingOrder order = new RestingOrder(place.id(), place.side(), place.price(), place.amount());
            orders.put(order.id(), order);
            side(order.side()).merge(order.price(), order.amount(), BigDecimal::add);
            return order;
        }
        RestingOrder order = orders.get(op.id());
        if (order == null) {
            return null;
        }
        BigDecimal taken = order.amount();
        if (op instanceof BookOp.Fill fill && fill.amount().compareTo(order.amount()) < 0) {
            if (fill.amount().signum() <= 0) {
                return null;
            }
            taken = fill.amount();
            orders.put(order.id(), new RestingOrder(order.id(), order.side(), order.price(),
                    order.amount().subtract(taken)));
        } else {
            orders.remove(order.id());
        }
        NavigableMap<BigDecimal, BigDecimal> levels = side(order.side());
        BigDecimal left = levels.getOrDefault(order.price(), BigDecimal.ZERO).subtract(taken);
        if (left.signum() <= 0) {
            levels.remove(order.price());
        } else {
            levels.put(order.price(), left);
        }
        return order;
    }

    /** The total resting at a price on a side, zero when nothing does. */
    public BigDecimal levelAmount(Side side, BigDecimal price) {
        return side(side).getOrDefault(price, BigDecimal.ZERO);
    }

    /** Whether the best bid is at or above the best ask. */
    public boolean crossed() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey().compareTo(asks.firstKey()) >= 0;
    }

    /** The price levels of a side, best first. */
    public List<PriceLevel> levels(Side side) {
        List<PriceLevel> out = new ArrayList<>(side(side).size());
        side(side).forEach((price, amount) -> out.add(new PriceLevel(price, amount)));
        return out;
    }

    private NavigableMap<BigDecimal, BigDecimal> side(Side side) {
        return side == Side.BUY ? bids : asks;
    }
}
