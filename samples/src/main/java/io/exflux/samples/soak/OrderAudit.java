package io.exflux.samples.soak;

import io.exflux.api.ExchangeClient;
import io.exflux.api.error.OrderOutcomeUnknownException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Places and cancels resting orders through the client, under cuts, and keeps what the client said of each: placed
 * (an id), outcome unknown ({@link OrderOutcomeUnknownException}) or failed (any other error: the client believes
 * there is no order). Also keeps the last status {@code watchOrders} delivered for each order id. At the end the
 * venue's own orders are the truth: an order the client believed failed but the venue holds is the failure this
 * audit exists to find.
 */
final class OrderAudit {

    /** Placements in flight at most; a tick that finds this many waiting is skipped. */
    private static final int IN_FLIGHT = 4;
    /** Missed final states described in the table, at most. */
    private static final int MISSED_SHOWN = 3;

    private final ExchangeClient client;
    private final BiFunction<CurrencyPair, String, OrderRequest> orderFor;
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final Set<String> unknown = ConcurrentHashMap.newKeySet();
    private final Map<String, OrderStatus> watched = new ConcurrentHashMap<>();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong placed = new AtomicLong();
    private final AtomicLong cancelled = new AtomicLong();
    private final AtomicLong cancelFailed = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean paused;

    /**
     * @param client   the client under soak
     * @param orderFor the order to place on a pair with a client order id ({@link SoakVenue#restingOrder})
     */
    OrderAudit(ExchangeClient client, BiFunction<CurrencyPair, String, OrderRequest> orderFor) {
        this.client = client;
        this.orderFor = orderFor;
    }

    /** Records an update of {@code watchOrders}; called from the stream's thread. */
    void onOrder(Order order) {
        watched.put(order.id(), order.status());
    }

    /**
     * Places one order every {@code every} (pairs in turn), cancels each {@code hold} later; runs until disposed.
     * Placements never retry: what the client answered is what is counted.
     */
    Disposable start(List<CurrencyPair> pairs, Duration every, Duration hold, Scheduler timer) {
        return Flux.interval(every, every, timer)
                .onBackpressureDrop()
                .filter(tick -> !paused && inFlight.get() < IN_FLIGHT)
                .flatMap(tick -> placeAndCancel(pairs.get((int) (tick % pairs.size())), tick, hold, timer))
                .subscribe();
    }

    private Mono<Void> placeAndCancel(CurrencyPair pair, long tick, Duration hold, Scheduler timer) {
        String clientOrderId = "soak" + tick;
        inFlight.incrementAndGet();
        attempts.incrementAndGet();
        return Mono.defer(() -> client.placeOrder(orderFor.apply(pair, clientOrderId)))
                .doOnNext(order -> placed.incrementAndGet())
                .doOnError(OrderOutcomeUnknownException.class, error -> unknown.add(clientOrderId))
                .doOnError(error -> !(error instanceof OrderOutcomeUnknownException),
                        error -> failed.add(clientOrderId))
                .onErrorResume(error -> Mono.empty())
                .flatMap(order -> Mono.delay(hold, timer).then(Mono.defer(() -> client.cancelOrder(order.id(), pair)))
                        .doOnNext(result -> cancelled.incrementAndGet())
                        .doOnError(error -> cancelFailed.incrementAndGet())
                        .onErrorResume(error -> Mono.empty()))
                .doFinally(signal -> inFlight.decrementAndGet())
                .then();
    }

    /** Stops placing new orders (quiet checks, the end); placements in flight finish. */
    void pause(boolean value) {
        paused = value;
    }

    /** Placements still waiting for an answer. */
    int inFlight() {
        return inFlight.get();
    }

    /** The client's answers against the orders the venue holds. */
    Tally compare(List<SoakVenue.HeldOrder> held) {
        long failedButHeld = held.stream().filter(o -> o.clientOrderId() != null && failed.contains(o.clientOrderId()))
                .count();
        long unknownHeld = held.stream().filter(o -> o.clientOrderId() != null && unknown.contains(o.clientOrderId()))
                .count();
        List<SoakVenue.HeldOrder> finals = held.stream().filter(o -> o.status().isFinal()).toList();
        List<SoakVenue.HeldOrder> missed = finals.stream().filter(o -> o.status() != watched.get(o.id())).toList();
        return new Tally(attempts.get(), placed.get(), unknown.size(), failed.size(), failedButHeld, unknownHeld,
                cancelled.get(), cancelFailed.get(), finals.size(), finals.size() - missed.size(),
                missed.stream().limit(MISSED_SHOWN).map(this::describe).toList());
    }

    /** {@code 123 soak45 (outcome unknown): CANCELLED, watchOrders last said OPEN}: what a missed final state was. */
    private String describe(SoakVenue.HeldOrder order) {
        String answer = order.clientOrderId() == null ? "" : unknown.contains(order.clientOrderId()) ? " (outcome unknown)"
                : failed.contains(order.clientOrderId()) ? " (failed)" : "";
        OrderStatus last = watched.get(order.id());
        return order.id() + " " + order.clientOrderId() + answer + ": " + order.status() + ", watchOrders "
                + (last == null ? "never showed it" : "last said " + last);
    }

    /** Whether {@code watchOrders} delivered every final state the venue holds. */
    boolean allFinalsSeen(List<SoakVenue.HeldOrder> held) {
        return held.stream().filter(o -> o.status().isFinal()).allMatch(o -> o.status() == watched.get(o.id()));
    }

    /**
     * @param attempts      placements sent
     * @param placed        placements the client answered with an order
     * @param unknown       placements answered with {@link OrderOutcomeUnknownException}
     * @param failed        placements answered with any other error
     * @param failedButHeld of {@code failed}, orders the venue holds (must be 0)
     * @param unknownHeld   of {@code unknown}, orders the venue holds
     * @param cancelled     cancels the client confirmed
     * @param cancelFailed  cancels that failed
     * @param finals        the account's orders in a final state at the venue
     * @param finalsSeen    of {@code finals}, those whose final state {@code watchOrders} delivered
     * @param missedFinals  the first few of the others, described for the table
     */
    record Tally(long attempts, long placed, long unknown, long failed, long failedButHeld, long unknownHeld,
                 long cancelled, long cancelFailed, long finals, long finalsSeen, List<String> missedFinals) {
        Tally {
            missedFinals = List.copyOf(missedFinals);
        }
    }
}
