package io.exflux.reactive.internal.book;

import io.exflux.api.model.Side;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many orders a book and a seed disagree on, kept up to date as changes are applied to the book one at a time:
 * an order in one and not the other, or resting with another amount. Beyond the worst price of a side the seed cut
 * at its limit, an order the seed lacks is no disagreement (the seed does not show that far).
 */
final class SeedDistance {

    private final Map<Long, OrderIdBook.RestingOrder> seed = new HashMap<>();
    /** The worst price listed on a cut side, {@code null} when the side is complete. */
    private final BigDecimal lowestBid;
    private final BigDecimal highestAsk;
    private int distance;

    SeedDistance(OrderIdSeed from, OrderIdBook book) {
        BigDecimal lowest = null;
        BigDecimal highest = null;
        for (OrderIdBook.RestingOrder order : from.orders()) {
            seed.put(order.id(), order);
            if (order.side() == Side.BUY) {
                lowest = lowest == null || order.price().compareTo(lowest) < 0 ? order.price() : lowest;
            } else {
                highest = highest == null || order.price().compareTo(highest) > 0 ? order.price() : highest;
            }
        }
        this.lowestBid = from.bidsComplete() ? null : lowest;
        this.highestAsk = from.asksComplete() ? null : highest;
        Set<Long> ids = new HashSet<>(seed.keySet());
        ids.addAll(book.ids());
        for (long id : ids) {
            distance += differs(id, book.get(id));
        }
    }

    /** The orders disagreed on now. */
    int distance() {
        return distance;
    }

    /** Applies {@code op} to {@code book} and returns how the distance changed: below zero, closer to the seed. */
    int apply(OrderIdBook book, BookOp op) {
        int before = differs(op.id(), book.get(op.id()));
        book.apply(op);
        int change = differs(op.id(), book.get(op.id())) - before;
        distance += change;
        return change;
    }

    private int differs(long id, OrderIdBook.RestingOrder mine) {
        OrderIdBook.RestingOrder theirs = seed.get(id);
        if (theirs == null) {
            return mine != null && shown(mine) ? 1 : 0;
        }
        return mine == null || mine.amount().compareTo(theirs.amount()) != 0 ? 1 : 0;
    }

    /** Whether the seed would list this order if it rested: within the price range it shows. */
    private boolean shown(OrderIdBook.RestingOrder order) {
        if (order.side() == Side.BUY) {
            return lowestBid == null || order.price().compareTo(lowestBid) > 0;
        }
        return highestAsk == null || order.price().compareTo(highestAsk) < 0;
    }
}
