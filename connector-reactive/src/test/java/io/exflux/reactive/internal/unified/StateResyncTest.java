package io.exflux.reactive.internal.unified;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.Balance;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.Side;
import io.exflux.api.stream.ConnectionEvent;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** What a private-stream subscriber sees after a reconnect: what changed meanwhile, once, never going back. */
class StateResyncTest {

    private static final URI WS = URI.create("ws://venue.test/ws");
    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final CurrencyPair PAIR = CurrencyPair.of("BTC", "USDT");

    private final Sinks.Many<ConnectionEvent> events = Sinks.many().multicast().directBestEffort();
    private final AtomicReference<Sinks.One<List<Order>>> orderPage = new AtomicReference<>(Sinks.one());
    private final Sinks.Many<Order> liveOrders = Sinks.many().multicast().directBestEffort();
    private final List<Order> seenOrders = new CopyOnWriteArrayList<>();
    private Disposable subscription;

    @AfterEach
    void dispose() {
        if (subscription != null) {
            subscription.dispose();
        }
    }

    private static Order order(String id, OrderStatus status, String filled, Instant changed) {
        return new Order(id, null, PAIR, Side.SELL, OrderType.LIMIT, status, status.name(), new BigDecimal("30000"),
                null, new BigDecimal("1"), new BigDecimal(filled), null, null, null, changed, changed);
    }

    private void watchOrders() {
        subscription = StateResync.orders(liveOrders.asFlux(), events.asFlux(),
                        () -> orderPage.get().asMono().flatMapIterable(list -> list), () -> T0)
                .subscribe(seenOrders::add);
    }

    private void reconnect() {
        events.tryEmitNext(new ConnectionEvent.Disconnected(WS, T0, "reset", null)).orThrow();
        events.tryEmitNext(new ConnectionEvent.Connected(WS, T0)).orThrow();
    }

    private void restAnswers(Order... orders) {
        orderPage.getAndSet(Sinks.one()).tryEmitValue(List.of(orders)).orThrow();
    }

    private List<String> seen() {
        return seenOrders.stream().map(o -> o.id() + ":" + o.status() + ":" + o.filledAmount().toPlainString()).toList();
    }

    @Test
    void ordersThatChangedWhileDisconnectedAreEmittedOnce_unchangedOnesAreNot() {
        watchOrders();
        liveOrders.tryEmitNext(order("1", OrderStatus.OPEN, "0", T0)).orThrow();
        liveOrders.tryEmitNext(order("2", OrderStatus.OPEN, "0", T0)).orThrow();
        liveOrders.tryEmitNext(order("3", OrderStatus.OPEN, "0", T0)).orThrow();

        reconnect();
        restAnswers(order("1", OrderStatus.FILLED, "1", T0.plusSeconds(5)),
                order("2", OrderStatus.OPEN, "0", T0),
                order("3", OrderStatus.PARTIALLY_FILLED, "0.4", T0.plusSeconds(5)),
                order("4", OrderStatus.CANCELED, "0", T0.plusSeconds(6)));

        assertThat(seen()).containsExactly("1:OPEN:0", "2:OPEN:0", "3:OPEN:0",
                "1:FILLED:1", "3:PARTIALLY_FILLED:0.4", "4:CANCELED:0");
    }

    @Test
    void anOrderKnownOpenThatTheSnapshotLacksIsLookedUp_finalOnesAndFailedLookupsAreNot() {
        List<String> lookedUp = new CopyOnWriteArrayList<>();
        subscription = StateResync.orders(liveOrders.asFlux(), events.asFlux(),
                        () -> orderPage.get().asMono().flatMapIterable(list -> list), known -> {
                            lookedUp.add(known.id());
                            return switch (known.id()) {
                                case "1" -> Mono.just(order("1", OrderStatus.CANCELED, "0", T0.plusSeconds(4)));
                                case "2" -> Mono.error(new IllegalStateException("venue down"));
                                default -> Mono.empty();
                            };
                        }, () -> T0)
                .subscribe(seenOrders::add);
        liveOrders.tryEmitNext(order("1", OrderStatus.OPEN, "0", T0)).orThrow();
        liveOrders.tryEmitNext(order("2", OrderStatus.OPEN, "0", T0)).orThrow();
        liveOrders.tryEmitNext(order("3", OrderStatus.OPEN, "0", T0)).orThrow();
        liveOrders.tryEmitNext(order("4", OrderStatus.FILLED, "1", T0)).orThrow();
        liveOrders.tryEmitNext(order("5", OrderStatus.OPEN, "0", T0)).orThrow();

        reconnect();
        restAnswers(order("5", OrderStatus.PARTIALLY_FILLED, "0.5", T0.plusSeconds(3)));

        assertThat(lookedUp).containsExactly("1", "2", "3");
        assertThat(seen()).containsExactly("1:OPEN:0", "2:OPEN:0", "3:OPEN:0", "4:FILLED:1", "5:OPEN:0",
                "5:PARTIALLY_FILLED:0.5", "1:CANCELED:0");
    }

    @Test
    void atMostMaxLookupsOrdersAreLookedUp_theMostRecentlyChanged() {
        List<String> lookedUp = new CopyOnWriteArrayList<>();
        subscription = StateResync.orders(liveOrders.asFlux(), events.asFlux(),
                        () -> orderPage.get().asMono().flatMapIterable(list -> list), known -> {
                            lookedUp.add(known.id());
                            return Mono.empty();
                        }, () -> T0)
                .subscribe(seenOrders::add);
        int known = StateResync.MAX_LOOKUPS + 10;
        for (int i = 0; i < known; i++) {
            liveOrders.tryEmitNext(order(Integer.toString(i), OrderStatus.OPEN, "0", T0)).orThrow();
        }

        reconnect();
        restAnswers();

        assertThat(lookedUp).hasSize(StateResync.MAX_LOOKUPS).startsWith("10").endsWith(Integer.toString(known - 1));
    }

    @Test
    void theFirstConnectReadsNothing_onlyAReconnectDoes() {
        watchOrders();
        events.tryEmitNext(new ConnectionEvent.Connected(WS, T0)).orThrow();
        restAnswers(order("1", OrderStatus.FILLED, "1", T0));

        assertThat(seen()).isEmpty();
    }

    @Test
    void anOrderTheSocketUpdatedWhileRestWasAskedIsLeftToTheSocket() {
        watchOrders();
        liveOrders.tryEmitNext(order("1", OrderStatus.OPEN, "0", T0)).orThrow();
        reconnect();
        liveOrders.tryEmitNext(order("1", OrderStatus.PARTIALLY_FILLED, "0.5", T0.plusSeconds(2))).orThrow();
        restAnswers(order("1", OrderStatus.PARTIALLY_FILLED, "0.2", T0.plusSeconds(1)));

        assertThat(seen()).containsExactly("1:OPEN:0", "1:PARTIALLY_FILLED:0.5");
    }

    @Test
    void aLiveMessageOlderThanWhatRestAlreadyShowedDoesNotMoveTheOrderBack() {
        watchOrders();
        liveOrders.tryEmitNext(order("1", OrderStatus.OPEN, "0", T0)).orThrow();
        reconnect();
        restAnswers(order("1", OrderStatus.FILLED, "1", T0.plusSeconds(3)));
        liveOrders.tryEmitNext(order("1", OrderStatus.PARTIALLY_FILLED, "0.5", T0.plusSeconds(2))).orThrow();
        liveOrders.tryEmitNext(order("1", OrderStatus.FILLED, "1", T0.plusSeconds(3))).orThrow();

        assertThat(seen()).containsExactly("1:OPEN:0", "1:FILLED:1", "1:FILLED:1");
    }

    @Test
    void anOrderNeverSeenIsEmittedOnlyWhenItChangedAroundTheSubscriptionOrLater() {
        watchOrders();
        reconnect();
        restAnswers(order("old", OrderStatus.FILLED, "1", T0.minusSeconds(3600)),
                order("new", OrderStatus.FILLED, "1", T0.plusSeconds(1)));

        assertThat(seen()).containsExactly("new:FILLED:1");
    }

    @Test
    void balancesThatChangedWhileDisconnectedAreEmitted() {
        Sinks.Many<Balance> live = Sinks.many().multicast().directBestEffort();
        AtomicReference<List<Balance>> rest = new AtomicReference<>();
        List<Balance> seen = new CopyOnWriteArrayList<>();
        subscription = StateResync.balances(live.asFlux(), events.asFlux(), () -> Flux.fromIterable(rest.get()),
                () -> T0).subscribe(seen::add);
        live.tryEmitNext(new Balance("BTC", "SPOT", new BigDecimal("1"), BigDecimal.ZERO, T0)).orThrow();
        live.tryEmitNext(new Balance("USDT", "SPOT", new BigDecimal("100"), BigDecimal.ZERO, T0)).orThrow();
        rest.set(List.of(new Balance("BTC", "SPOT", new BigDecimal("1.0"), BigDecimal.ZERO, T0),
                new Balance("USDT", "SPOT", new BigDecimal("40"), new BigDecimal("10"), T0.plusSeconds(1))));

        reconnect();

        assertThat(seen).extracting(b -> b.currency() + ":" + b.total().toPlainString() + ":" + b.reserved())
                .containsExactly("BTC:1:0", "USDT:100:0", "USDT:40:10");
    }
}
