package io.exflux.testkit.v1;

import io.exflux.testkit.sim.SimEvent;
import io.exflux.testkit.sim.SimOrder;
import io.exflux.testkit.sim.SimTrade;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Turns the matching engine's event feed into the two book events of the v1 platform: a new order with
 * the trades it made, and a cancelled order. A new order is the first picture of an order id above every
 * id seen so far (resting orders that trade appear again, with lower ids); the trades an order took are
 * collected until that picture arrives. The trades of the newest {@value #REMEMBERED} placements are kept
 * for the create-order answer. Runs on the simulator thread; {@link #tradesOf} may be read from any.
 */
final class V1BookEvents {

    /** One book event of a pair. */
    sealed interface BookEvent {
        SimOrder order();
    }

    /** An order was placed; {@code trades} are the trades it took, in order. */
    record NewOrder(SimOrder order, List<SimTrade> trades) implements BookEvent {
    }

    /** A resting order was cancelled; {@code cancelId} numbers the cancel operation. */
    record Cancel(SimOrder order, long cancelId) implements BookEvent {
    }

    static final int REMEMBERED = 1024;
    /** A taker whose final picture never comes (it cannot happen today) must not grow this without end. */
    private static final int MAX_PENDING = 1024;

    private final Consumer<BookEvent> listener;
    private final Map<Long, List<SimTrade>> pending = new HashMap<>();
    private final AtomicLong cancelIds = new AtomicLong();
    private final Map<Long, List<SimTrade>> recent = Collections.synchronizedMap(new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<SimTrade>> eldest) {
            return size() > REMEMBERED;
        }
    });
    private long newest = Long.MIN_VALUE;

    V1BookEvents(Consumer<BookEvent> listener) {
        this.listener = listener;
    }

    /** Feeds one engine event (simulator thread only). */
    void accept(SimEvent event) {
        if (event instanceof SimEvent.Traded traded) {
            if (pending.size() >= MAX_PENDING && !pending.containsKey(traded.trade().takerOrderId())) {
                pending.clear();
            }
            pending.computeIfAbsent(traded.trade().takerOrderId(), id -> new ArrayList<>()).add(traded.trade());
        } else if (event instanceof SimEvent.OrderUpdated updated) {
            SimOrder order = updated.order();
            List<SimTrade> trades = pending.remove(order.id());
            if (order.id() > newest) {
                newest = order.id();
                List<SimTrade> taken = trades == null ? List.of() : List.copyOf(trades);
                recent.put(order.id(), taken);
                listener.accept(new NewOrder(order, taken));
            } else if (order.status() == io.exflux.api.model.OrderStatus.CANCELED) {
                listener.accept(new Cancel(order, cancelIds.incrementAndGet()));
            }
        }
    }

    /** The trades a recently placed order took, empty when it took none or is too old to be remembered. */
    List<SimTrade> tradesOf(long orderId) {
        List<SimTrade> trades = recent.get(orderId);
        return trades == null ? List.of() : trades;
    }
}
