package io.exflux.testkit.btse;

import io.exflux.testkit.sim.SimOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * BTSE's view of the engine's orders: its {@code orderID} (a UUID that survives an amend, which the engine
 * runs as cancel and replace), what the engine does not keep ({@code type} OCO/PEG, {@code txType},
 * the timed {@code time_in_force}, stealth, deviation, trail value, the OCO partner, the expiry), and the
 * last state seen of each. Written on the simulator's thread in event order, read from any thread.
 * Bounded: finished orders beyond {@value #CAPACITY} are forgotten oldest first.
 */
final class BtseOrders {

    static final int CAPACITY = 20_000;

    /** What a placement asked for beyond the engine's request. */
    record Extras(String type, String txType, String timeInForce, BigDecimal stealth, BigDecimal deviation,
                  BigDecimal trailValue, BigDecimal triggerPrice, BigDecimal stopPrice, String clOrderId) {

        /** The same with another trigger price (an amend). */
        Extras withTrigger(BigDecimal price) {
            return new Extras(type, txType, timeInForce, stealth, deviation, trailValue, price,
                    stopPrice == null ? null : price, clOrderId);
        }
    }

    /** One BTSE order. */
    static final class Entry {
        final String orderId;
        final long account;
        volatile long simId;
        volatile SimOrder last;
        volatile Extras extras;
        volatile String ocoPartner;
        volatile Instant expiresAt;

        Entry(String orderId, long account, long simId, Extras extras) {
            this.orderId = orderId;
            this.account = account;
            this.simId = simId;
            this.extras = extras;
        }

        boolean isOpen() {
            SimOrder o = last;
            return o != null && !o.status().isFinal();
        }
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Map<Long, Entry> bySim = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Entry> finished = new ConcurrentLinkedQueue<>();
    private final AtomicInteger finishedCount = new AtomicInteger();
    // simulator-thread context of the call running now
    private Extras placing;
    private long placingAccount = -1;
    private Entry amending;
    private long replacedSimId = -1;
    private final List<SimOrder> heldBack = new ArrayList<>();

    /** Simulator thread: the orders the engine accepts until {@link #endCall()} are placements with these extras. */
    void beginPlacement(long account, Extras extras) {
        this.placingAccount = account;
        this.placing = extras;
    }

    /** Simulator thread: the next new engine order replaces {@code entry}'s; events of the old one are held back. */
    void beginAmend(Entry entry) {
        this.amending = entry;
        this.replacedSimId = entry.simId;
    }

    /** Simulator thread: ends the call's context; returns the events held back (empty after a successful amend). */
    List<SimOrder> endCall(boolean replaced) {
        List<SimOrder> out = replaced ? List.of() : List.copyOf(heldBack);
        heldBack.clear();
        placing = null;
        placingAccount = -1;
        amending = null;
        replacedSimId = -1;
        return out;
    }

    /**
     * Simulator thread: records an engine order update and returns its BTSE order, or empty when it is not
     * one (the generator's orders) or is held back (the old half of an amend).
     */
    Optional<Entry> observe(SimOrder order) {
        if (order.id() == replacedSimId) {
            heldBack.add(order);
            return Optional.empty();
        }
        Optional<Entry> found = entryFor(order.id(), order.accountId());
        found.ifPresent(entry -> {
            boolean wasOpen = entry.last == null || !entry.last.status().isFinal();
            entry.last = order;
            if (wasOpen && order.status().isFinal()) {
                retire(entry);
            }
        });
        return found;
    }

    /**
     * Simulator thread: the BTSE order of an engine order, made on first sight when the call running now
     * places (or amends) an order of that account: a taker's trade comes before its first update.
     */
    Optional<Entry> entryFor(long simId, long account) {
        Entry entry = bySim.get(simId);
        if (entry == null && amending != null && amending.account == account) {
            entry = amending;
            bySim.remove(entry.simId);
            entry.simId = simId;
            bySim.put(simId, entry);
            amending = null;
        } else if (entry == null && placing != null && placingAccount == account) {
            entry = new Entry(newId(), account, simId, placing);
            byId.put(entry.orderId, entry);
            bySim.put(simId, entry);
        }
        return Optional.ofNullable(entry);
    }

    /** Records the last state of an order without treating it as an event (a held-back update published late). */
    void restore(SimOrder order) {
        Entry entry = bySim.get(order.id());
        if (entry != null) {
            entry.last = order;
            retire(entry);
        }
    }

    Optional<Entry> byOrderId(String orderId) {
        return orderId == null ? Optional.empty() : Optional.ofNullable(byId.get(orderId));
    }

    Optional<Entry> bySimId(long simId) {
        return Optional.ofNullable(bySim.get(simId));
    }

    /** The newest order of this account with this client id. */
    Optional<Entry> byClientId(long account, String clOrderId) {
        Entry best = null;
        for (Entry e : byId.values()) {
            SimOrder o = e.last;
            if (e.account == account && o != null && clOrderId.equals(o.clientOrderId())
                    && (best == null || best.last.createdAt().isBefore(o.createdAt()))) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every order known, open or finished, in no order. */
    List<Entry> all() {
        return List.copyOf(byId.values());
    }

    private void retire(Entry entry) {
        finished.add(entry);
        if (finishedCount.incrementAndGet() > CAPACITY) {
            Entry old = finished.poll();
            finishedCount.decrementAndGet();
            if (old != null && old.last != null && old.last.status().isFinal()) {
                byId.remove(old.orderId);
                bySim.remove(old.simId);
            }
        }
    }

    /** A version-4 UUID from a non-blocking source. */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
