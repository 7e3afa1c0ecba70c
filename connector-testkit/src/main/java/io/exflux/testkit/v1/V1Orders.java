package io.exflux.testkit.v1;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Side;
import io.exflux.testkit.sim.SimOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every order of the venue as its latest picture, for the public order list, the single order, the
 * ungrouped order book and the owner check of a cancel. Open orders are all kept (the book bounds them);
 * finished ones only the newest {@value #FINISHED_CAPACITY}. Written on the simulator thread, read from any.
 */
final class V1Orders {

    static final int FINISHED_CAPACITY = 10_000;

    private final Map<Long, SimOrder> open = new ConcurrentHashMap<>();
    private final Map<Long, SimOrder> finished = Collections.synchronizedMap(new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SimOrder> eldest) {
            return size() > FINISHED_CAPACITY;
        }
    });

    /** Records the latest picture of an order. */
    void record(SimOrder order) {
        if (order.status().isFinal()) {
            open.remove(order.id());
            finished.put(order.id(), order);
        } else {
            open.put(order.id(), order);
        }
    }

    Optional<SimOrder> get(long id) {
        SimOrder o = open.get(id);
        return Optional.ofNullable(o != null ? o : finished.get(id));
    }

    /** Every order known, newest first. */
    List<SimOrder> all() {
        List<SimOrder> out = new ArrayList<>(open.values());
        synchronized (finished) {
            out.addAll(finished.values());
        }
        out.sort(Comparator.comparingLong(SimOrder::id).reversed());
        return out;
    }

    /** The resting orders of one side of a book, best price first, then oldest first. */
    List<SimOrder> resting(CurrencyPair pair, Side side) {
        Comparator<SimOrder> byPrice = Comparator.comparing(SimOrder::limitPrice);
        Comparator<SimOrder> order = (side == Side.BUY ? byPrice.reversed() : byPrice)
                .thenComparingLong(SimOrder::id);
        List<SimOrder> out = new ArrayList<>();
        for (SimOrder o : open.values()) {
            if (o.pair().equals(pair) && o.side() == side && o.limitPrice() != null && o.remaining().signum() > 0) {
                out.add(o);
            }
        }
        out.sort(order);
        return out;
    }
}
