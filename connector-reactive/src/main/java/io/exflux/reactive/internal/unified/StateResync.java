package io.exflux.reactive.internal.unified;

import io.exflux.api.model.Balance;
import io.exflux.api.model.Order;
import io.exflux.api.stream.ConnectionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A private stream (orders, balances) that stays true across reconnects: after the socket that
 * carries it is connected (authenticated and resubscribed) again, the account's state is read over
 * REST and every entry whose state differs from the last one this subscriber saw is emitted, as if the
 * socket had carried it. Entries the subscriber never saw are emitted when they changed since shortly
 * before it subscribed (see {@link #CLOCK_ALLOWANCE}), or carry no time.
 *
 * <p>A REST answer can be older than a live message that overtook it: an entry the socket updated
 * while the REST call ran is left to the socket (every change after the resubscription reaches it),
 * and an order never moves back (a final status is not followed by an open one, its filled amount
 * never shrinks).
 *
 * <p>A snapshot is bounded (a venue lists the open orders and only so many recent ones), so an entry this
 * subscriber last saw open may be missing from it: it ended while the socket was down and has left the
 * recent window. With a lookup, each such entry (at most {@link #MAX_LOOKUPS}, the most recently changed,
 * one call at a time so the client's rate limits pace them) is read by itself after the snapshot, and its
 * final state is emitted like the snapshot's. An entry the lookup does not find, or fails on, is skipped.
 *
 * <p>The last state seen is kept per key in a bounded map (the least recently changed are forgotten).
 * Cold; each subscriber keeps its own map and reads REST on its own. Backpressure: as the live stream's
 * (one REST answer's entries are emitted on top of the subscriber's demand). Errors: those of the live
 * stream; a failed resync is logged and skipped (the next reconnect reads again).
 *
 * @param <V> the entry type
 */
public final class StateResync<V> extends RepairedStream<V> {

    private static final Logger LOG = LoggerFactory.getLogger(StateResync.class);

    /** How much earlier than the subscription an unseen entry may have changed and still be emitted (clock skew). */
    public static final Duration CLOCK_ALLOWANCE = Duration.ofMinutes(1);

    /** How many keys each subscriber remembers. */
    public static final int MAX_KEYS = 10_000;

    /** Most entries known open but missing from a snapshot that one resync looks up one by one. */
    public static final int MAX_LOOKUPS = 50;

    /** What identifies an entry, when two are the same state, and whether one goes back in time. */
    interface States<V> {
        String key(V value);

        boolean sameState(V known, V incoming);

        /** {@code incoming} cannot follow {@code known} (e.g. an open order after its fill). */
        boolean regresses(V known, V incoming);

        /** When the entry last changed; {@code null} if the venue does not say. */
        Instant changedAt(V value);

        /** Whether the entry may still change (an open order); only these are looked up when a snapshot lacks them. */
        boolean isOpen(V value);
    }

    /** Orders by id: status and filled amount make the state; final statuses and fills never go back. */
    private static final States<Order> ORDERS = new States<>() {
        @Override
        public String key(Order order) {
            return order.id();
        }

        @Override
        public boolean sameState(Order known, Order incoming) {
            return known.status() == incoming.status()
                    && known.filledAmount().compareTo(incoming.filledAmount()) == 0;
        }

        @Override
        public boolean regresses(Order known, Order incoming) {
            if (known.status().isFinal()) {
                return !incoming.status().isFinal();
            }
            // a final answer wins even if it leaves the filled amount out
            return !incoming.status().isFinal() && incoming.filledAmount().compareTo(known.filledAmount()) < 0;
        }

        @Override
        public Instant changedAt(Order order) {
            return order.updatedAt() != null ? order.updatedAt() : order.createdAt();
        }

        @Override
        public boolean isOpen(Order order) {
            return !order.status().isFinal();
        }
    };

    /** Balances by currency and wallet: total and reserved make the state. */
    private static final States<Balance> BALANCES = new States<>() {
        @Override
        public String key(Balance balance) {
            return balance.currency() + "/" + balance.wallet();
        }

        @Override
        public boolean sameState(Balance known, Balance incoming) {
            return known.total().compareTo(incoming.total()) == 0
                    && known.reserved().compareTo(incoming.reserved()) == 0;
        }

        @Override
        public boolean regresses(Balance known, Balance incoming) {
            return false;
        }

        @Override
        public Instant changedAt(Balance balance) {
            return balance.updatedAt();
        }

        @Override
        public boolean isOpen(Balance balance) {
            return false;
        }
    };

    private final States<V> states;
    private final Supplier<Flux<V>> snapshot;
    private final Function<V, Mono<V>> lookup;
    private final Supplier<Instant> clock;
    private final RecentKeys<V> seen = new RecentKeys<>(MAX_KEYS);
    /** Keys whose last state seen is open, least recently changed first; bounded like {@link #seen}. */
    private final Set<String> open = new LinkedHashSet<>();
    /** Keys the socket updated since the running resync started; {@code null} when none runs. */
    private Set<String> touchedLive;
    private boolean disconnected;
    private Instant since;

    private StateResync(States<V> states, Supplier<Flux<V>> snapshot, Function<V, Mono<V>> lookup,
                        Supplier<Instant> clock) {
        this.states = states;
        this.snapshot = snapshot;
        this.lookup = lookup;
        this.clock = clock;
    }

    /**
     * The account's orders: {@code live}, plus after each reconnect every order of {@code snapshot}
     * (e.g. the open and the recent orders) whose status or filled amount this subscriber has not seen.
     *
     * @param events the connection events of the private socket; a {@code Connected} must mean
     *               subscribed (and authenticated) again
     */
    public static Flux<Order> orders(Flux<Order> live, Flux<ConnectionEvent> events, Supplier<Flux<Order>> snapshot,
                                     Supplier<Instant> clock) {
        return watch(ORDERS, live, events, snapshot, null, clock);
    }

    /**
     * {@link #orders(Flux, Flux, Supplier, Supplier)}, and each order this subscriber last saw open that the
     * snapshot lacks is read by {@code lookup} (the order as the venue holds it now, empty when not found).
     */
    public static Flux<Order> orders(Flux<Order> live, Flux<ConnectionEvent> events, Supplier<Flux<Order>> snapshot,
                                     Function<Order, Mono<Order>> lookup, Supplier<Instant> clock) {
        Objects.requireNonNull(lookup, "lookup");
        return watch(ORDERS, live, events, snapshot, lookup, clock);
    }

    /** The account's balances: {@code live}, plus after each reconnect every balance of {@code snapshot} that changed. */
    public static Flux<Balance> balances(Flux<Balance> live, Flux<ConnectionEvent> events,
                                         Supplier<Flux<Balance>> snapshot, Supplier<Instant> clock) {
        return watch(BALANCES, live, events, snapshot, null, clock);
    }

    static <V> Flux<V> watch(States<V> states, Flux<V> live, Flux<ConnectionEvent> events, Supplier<Flux<V>> snapshot,
                             Function<V, Mono<V>> lookup, Supplier<Instant> clock) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(clock, "clock");
        return Flux.defer(() -> new StateResync<>(states, snapshot, lookup, clock).run(live, events));
    }

    @Override
    void started() {
        since = clock.get().minus(CLOCK_ALLOWANCE);
    }

    @Override
    void onLive(V value) {
        String key = states.key(value);
        if (touchedLive != null) {
            touchedLive.add(key);
        }
        V known = seen.get(key);
        if (known != null && states.regresses(known, value)) {
            // only a REST answer can be ahead of the socket; the socket's own later message will follow
            replaceDemand();
            return;
        }
        remember(key, value);
        emit(value);
    }

    @Override
    void onEvent(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.Disconnected) {
            disconnected = true;
        } else if (event instanceof ConnectionEvent.Connected && disconnected) {
            touchedLive = new HashSet<>();
            repair(snapshotAndMissing(knownOpen()), this::resynced, error -> {
                touchedLive = null;
                LOG.warn("resync of private state after reconnect failed: {}", error.toString());
            });
        }
    }

    private void resynced(List<V> state) {
        Set<String> skipped = touchedLive;
        touchedLive = null;
        for (V value : state) {
            String key = states.key(value);
            if (skipped.contains(key)) {
                continue;
            }
            V known = seen.get(key);
            boolean missed = known == null ? isRecent(value)
                    : !states.sameState(known, value) && !states.regresses(known, value);
            if (missed) {
                remember(key, value);
                emit(value);
            }
        }
    }

    /** The last states seen of the most recently changed entries that were open, at most {@link #MAX_LOOKUPS}. */
    private List<V> knownOpen() {
        if (lookup == null) {
            return List.of();
        }
        List<V> out = new ArrayList<>();
        for (String key : open) {
            V known = seen.get(key);
            if (known != null) {
                out.add(known);
            }
        }
        return out.size() <= MAX_LOOKUPS ? out : new ArrayList<>(out.subList(out.size() - MAX_LOOKUPS, out.size()));
    }

    /**
     * The snapshot, followed by those of {@code knownOpen} it lacks as {@link #lookup} finds them now (one call at a
     * time; one not found or failing is left out).
     */
    private Mono<List<V>> snapshotAndMissing(List<V> knownOpen) {
        Mono<List<V>> state = Flux.defer(snapshot).collectList();
        if (knownOpen.isEmpty()) {
            return state;
        }
        return state.flatMap(listed -> {
            Set<String> keys = new HashSet<>();
            listed.forEach(value -> keys.add(states.key(value)));
            return Flux.fromIterable(knownOpen)
                    .filter(known -> !keys.contains(states.key(known)))
                    .concatMap(known -> Mono.defer(() -> lookup.apply(known))
                            .onErrorResume(error -> {
                                LOG.debug("lookup of {} after reconnect failed: {}", states.key(known), error.toString());
                                return Mono.empty();
                            }))
                    .collectList()
                    .map(found -> {
                        List<V> all = new ArrayList<>(listed);
                        all.addAll(found);
                        return all;
                    });
        });
    }

    /** Keeps {@code value} as the last state seen of {@code key}, and whether it is open. */
    private void remember(String key, V value) {
        seen.put(key, value);
        open.remove(key);
        if (states.isOpen(value)) {
            open.add(key);
            if (open.size() > MAX_KEYS) {
                open.remove(open.iterator().next());
            }
        }
    }

    private boolean isRecent(V value) {
        Instant changed = states.changedAt(value);
        return changed == null || !changed.isBefore(since);
    }
}
