package io.exflux.reactive.venue.btse.internal;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account's recent orders whose final state no order stream has carried yet: those the client placed and those
 * an order stream showed open. BTSE lists open orders only, so an order that finished while the logged-in socket
 * was away is found again by looking each of these up ({@code GET /api/v3.2/order} serves finished orders for
 * {@link #KEPT} after they end). Bounded: the oldest are forgotten past {@link #CAPACITY} or after {@link #KEPT}.
 * Thread-safe (placement answers and stream messages arrive on different threads).
 */
public final class BtseRecentOrders {

    /** Orders remembered at most. */
    public static final int CAPACITY = 2_000;
    /** How long an order is remembered: BTSE's one-order lookup keeps cancelled orders 30 minutes. */
    public static final Duration KEPT = Duration.ofMinutes(30);

    /** An order to look up: its id, its market and when it was last heard of. */
    public record Unsettled(String orderId, CurrencyPair pair, Instant since) {
    }

    private final Map<String, Unsettled> orders = new LinkedHashMap<>();

    /** Records an order the client placed or a stream carried: remembered while open, forgotten once final. */
    public synchronized void observed(Order order, Instant now) {
        if (order == null || order.id() == null || order.id().isBlank()) {
            return;
        }
        if (order.status().isFinal()) {
            orders.remove(order.id());
            return;
        }
        if (!orders.containsKey(order.id()) && order.pair() != null) {
            orders.put(order.id(), new Unsettled(order.id(), order.pair(), now));
            if (orders.size() > CAPACITY) {
                Iterator<String> oldest = orders.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
    }

    /** The orders still without a final state, oldest first, forgetting those heard of more than {@link #KEPT} ago. */
    public synchronized List<Unsettled> unsettled(Instant now) {
        Instant horizon = now.minus(KEPT);
        orders.values().removeIf(entry -> entry.since().isBefore(horizon));
        return new ArrayList<>(orders.values());
    }
}
