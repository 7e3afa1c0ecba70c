package io.exflux.reactive.venue.alp;

import static io.exflux.reactive.venue.alp.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.Balance;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.Side;
import io.exflux.api.model.Trade;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.testkit.alp.AlpAccount;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.sim.SimOrder;
import io.exflux.testkit.sim.SimOrderRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Nothing is lost across reconnects, against the embedded ALP simulator: the trades of a market equal
 * the simulator's trade log through forced disconnects (or the gap is announced with its bounds), and
 * every own order's final state and every balance reaches the private streams after changes made while
 * the private socket was down.
 */
class AlpGapFreeTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");
    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    private AlpSimulator sim;
    private final List<AlpExchangeClient> clients = new ArrayList<>();
    private final List<Disposable> subscriptions = new ArrayList<>();

    @AfterEach
    void stop() {
        subscriptions.forEach(Disposable::dispose);
        clients.forEach(c -> c.closeGracefully().block(FIVE_SECONDS));
        if (sim != null) {
            sim.close();
        }
    }

    /** A client whose sockets stay away a little after each drop, so that the venue moves on meanwhile. */
    private AlpExchangeClient client(AlpAccount account, int tradesPage) {
        AlpOptions.Builder options = AlpOptions.builder().restUrl(sim.restBaseUrl()).wsUrl(sim.websocketUrl())
                .rateLimit(AlpOptions.PUBLIC_SCOPE, null).rateLimit(AlpOptions.PRIVATE_SCOPE, null)
                .streamOptions(StreamOptions.builder().unsubscribeGrace(Duration.ofMillis(50))
                        .backoff(Backoff.constant(Duration.ofMillis(300))).build());
        if (account != null) {
            options.credentials(account.credentials());
        }
        AlpExchangeClient client = AlpExchangeClient.create(options.build(), tradesPage);
        clients.add(client);
        return client;
    }

    private <T> List<T> collect(Flux<T> flux) {
        List<T> out = new CopyOnWriteArrayList<>();
        subscriptions.add(flux.subscribe(out::add));
        return out;
    }

    /** One trade on the venue: a resting sell taken by a market buy of another account. */
    private void trade(AlpAccount maker, AlpAccount taker, int n) {
        sim.simulator().place(SimOrderRequest.limit(maker.id(), BTC_USDT, Side.SELL, "0.01",
                Integer.toString(30_000 + n % 100))).block(FIVE_SECONDS);
        sim.simulator().place(SimOrderRequest.marketByBase(taker.id(), BTC_USDT, Side.BUY, "0.01")).block(FIVE_SECONDS);
    }

    private List<String> venueTradeIds() {
        return sim.trades("BTC_USDT").stream().map(t -> Long.toString(t.id())).toList();
    }

    /**
     * Drops every socket, runs {@code whileDown} once the venue has none open, and waits until the client
     * reports each socket connected (and resubscribed) again.
     */
    private void dropAndDuring(List<ConnectionEvent> events, Runnable whileDown) {
        long connected = connectedCount(events);
        int open = sim.openWebsockets();
        sim.dropAllWebsockets();
        await().until(() -> sim.openWebsockets() == 0);
        whileDown.run();
        await().until(() -> connectedCount(events) >= connected + open);
    }

    private static long connectedCount(List<ConnectionEvent> events) {
        return events.stream().filter(ConnectionEvent.Connected.class::isInstance).count();
    }

    @Test
    void tradesEqualTheVenuesTradeLogThrough10ForcedDisconnects_noneMissedNoneTwice() {
        sim = AlpSimulator.start(AlpSimulatorOptions.builder().generatorEnabled(false).build());
        AlpAccount maker = sim.createAccount(Map.of("BTC", new BigDecimal("100")));
        AlpAccount taker = sim.createAccount(Map.of("USDT", new BigDecimal("10000000")));
        AlpExchangeClient client = client(null, AlpExchangeClient.TRADES_BACKFILL_PAGE);
        List<Trade> trades = collect(client.watchTrades(BTC_USDT));
        List<ConnectionEvent> events = collect(client.connectionEvents());

        int[] n = {0};
        // the first trade that arrives marks the start of the window compared with the venue's log
        await().until(() -> {
            trade(maker, taker, n[0]++);
            Thread.sleep(50);
            return !trades.isEmpty();
        });
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 3; i++) {
                trade(maker, taker, n[0]++);
            }
            dropAndDuring(events, () -> {
                for (int i = 0; i < 5; i++) {
                    trade(maker, taker, n[0]++);
                }
            });
            for (int i = 0; i < 2; i++) {
                trade(maker, taker, n[0]++);
            }
        }
        List<String> venue = venueTradeIds();
        String lastId = venue.get(venue.size() - 1);
        await().until(() -> trades.stream().anyMatch(t -> t.id().equals(lastId)));

        List<String> delivered = trades.stream().map(Trade::id).toList();
        List<String> window = venue.subList(venue.indexOf(delivered.get(0)), venue.size());
        assertThat(delivered).as("trade ids delivered, in order").containsExactlyElementsOf(window);
        assertThat(window.size()).isGreaterThanOrEqualTo(100);
        assertThat(events).noneMatch(ConnectionEvent.Gap.class::isInstance);
    }

    @Test
    void aGapLongerThanTheVenuesPageIsAnnouncedWithItsBounds_andTheStreamGoesOnFromThePage() {
        sim = AlpSimulator.start(AlpSimulatorOptions.builder().generatorEnabled(false).build());
        AlpAccount maker = sim.createAccount(Map.of("BTC", new BigDecimal("100")));
        AlpAccount taker = sim.createAccount(Map.of("USDT", new BigDecimal("10000000")));
        AlpExchangeClient client = client(null, 5);
        List<Trade> trades = collect(client.watchTrades(BTC_USDT));
        List<ConnectionEvent> events = collect(client.connectionEvents());
        int[] n = {0};
        await().until(() -> {
            trade(maker, taker, n[0]++);
            Thread.sleep(50);
            return !trades.isEmpty();
        });
        trade(maker, taker, n[0]++);
        await().until(() -> trades.size() >= 2);
        Trade lastBefore = trades.get(trades.size() - 1);

        dropAndDuring(events, () -> {
            for (int i = 0; i < 12; i++) {
                trade(maker, taker, n[0]++);
            }
        });
        List<String> venue = venueTradeIds();
        String newest = venue.get(venue.size() - 1);
        await().until(() -> trades.stream().anyMatch(t -> t.id().equals(newest)));
        String oldestOfPage = venue.get(venue.size() - 5);

        await().until(() -> events.stream().anyMatch(ConnectionEvent.Gap.class::isInstance));
        ConnectionEvent.Gap gap = events.stream().filter(ConnectionEvent.Gap.class::isInstance)
                .map(ConnectionEvent.Gap.class::cast).findFirst().orElseThrow();
        assertThat(gap.topic()).isEqualTo("trade.BTC_USDT");
        assertThat(gap.fromId()).isEqualTo(lastBefore.id());
        assertThat(gap.fromTime()).isEqualTo(lastBefore.timestamp());
        assertThat(gap.toId()).isEqualTo(oldestOfPage);
        // after the gap: the page's five trades, oldest first, and nothing twice
        List<String> delivered = trades.stream().map(Trade::id).toList();
        assertThat(delivered.subList(delivered.indexOf(lastBefore.id()) + 1, delivered.size()))
                .containsExactlyElementsOf(venue.subList(venue.size() - 5, venue.size()));
    }

    @Test
    void everyOwnOrdersFinalStateAndEveryBalanceReachTheStreamsAfterChangesMadeWhileThePrivateSocketWasDown() {
        sim = AlpSimulator.start(AlpSimulatorOptions.builder().generatorEnabled(false).build());
        AlpAccount me = sim.createAccount(Map.of("USDT", new BigDecimal("100000"), "BTC", new BigDecimal("10")));
        AlpAccount other = sim.createAccount(Map.of("USDT", new BigDecimal("1000000"), "BTC", new BigDecimal("100")));
        AlpExchangeClient client = client(me, AlpExchangeClient.TRADES_BACKFILL_PAGE);
        List<Order> orders = collect(client.watchOrders());
        List<Balance> balances = collect(client.watchBalances());
        List<ConnectionEvent> events = collect(client.connectionEvents());
        await().until(() -> {
            sim.deposit(me, "SPOT", "USDT", new BigDecimal("0.01")).block(FIVE_SECONDS);
            Thread.sleep(100);
            return !balances.isEmpty();
        });

        List<String> mine = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            // each round sells below the rounds before, so the other account's buy takes this round's orders
            int base = 50_000 - round * 10;
            List<String> placed = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                placed.add(client.placeOrder(OrderRequest.limit(BTC_USDT, Side.SELL, new BigDecimal("0.1"),
                        new BigDecimal(base + i))).block(FIVE_SECONDS).id());
            }
            mine.addAll(placed);
            await().until(() -> placed.stream().allMatch(id -> last(orders, id) != null));
            dropAndDuring(events, () -> {
                // the first is filled, the second filled in part, the third cancelled, the fourth stays open
                sim.simulator().place(SimOrderRequest.limit(other.id(), BTC_USDT, Side.BUY, "0.15",
                        Integer.toString(base + 1))).block(FIVE_SECONDS);
                sim.simulator().cancel(me.id(), Long.parseLong(placed.get(2))).block(FIVE_SECONDS);
            });
        }

        Map<String, OrderStatus> venue = new HashMap<>();
        for (SimOrder order : sim.simulator().orders(me.id()).block(FIVE_SECONDS)) {
            venue.put(Long.toString(order.id()), order.status());
        }
        await().until(() -> mine.stream().allMatch(id -> last(orders, id) != null
                && last(orders, id).status() == venue.get(id)), () -> describe(mine, orders, venue));
        assertThat(venue.values()).contains(OrderStatus.FILLED, OrderStatus.PARTIALLY_FILLED, OrderStatus.CANCELED,
                OrderStatus.OPEN);

        Map<String, BigDecimal> rest = client.balances().collectMap(Balance::currency, Balance::total)
                .block(FIVE_SECONDS);
        await().until(() -> rest.entrySet().stream().allMatch(e -> lastBalance(balances, e.getKey()) != null
                && lastBalance(balances, e.getKey()).total().compareTo(e.getValue()) == 0));
    }

    @Test
    void anOrderCancelledWhileThePrivateSocketWasDownReachesTheStreamAfterLeavingTheVenuesRecentOrders() {
        sim = AlpSimulator.start(AlpSimulatorOptions.builder().generatorEnabled(false).build());
        AlpAccount me = sim.createAccount(Map.of("USDT", new BigDecimal("1000000"), "BTC", new BigDecimal("10"),
                "ETH", new BigDecimal("10")));
        AlpExchangeClient client = client(me, AlpExchangeClient.TRADES_BACKFILL_PAGE);
        List<Order> orders = collect(client.watchOrders());
        List<ConnectionEvent> events = collect(client.connectionEvents());
        await().until(() -> connectedCount(events) > 0);
        String old = client.placeOrder(OrderRequest.limit(BTC_USDT, Side.SELL, new BigDecimal("0.1"),
                new BigDecimal("50000"))).block(FIVE_SECONDS).id();
        await().until(() -> last(orders, old) != null && !last(orders, old).status().isFinal(),
                () -> String.valueOf(orders));

        dropAndDuring(events, () -> {
            sim.simulator().cancel(me.id(), Long.parseLong(old)).block(FIVE_SECONDS);
            // 100 newer orders, done at once, push the cancelled one out of the venue's list of recent orders
            for (int i = 0; i < 100; i++) {
                SimOrder newer = sim.simulator().place(SimOrderRequest.limit(me.id(), CurrencyPair.of("ETH", "USDT"),
                        Side.BUY, "0.02", "1000")).block(FIVE_SECONDS);
                sim.simulator().cancel(me.id(), newer.id()).block(FIVE_SECONDS);
            }
        });

        assertThat(client.orders(null).map(Order::id).collectList().block(FIVE_SECONDS))
                .as("the venue's recent orders").hasSize(100).doesNotContain(old);
        await().until(() -> last(orders, old).status() == OrderStatus.CANCELED,
                () -> "last seen " + last(orders, old).status());
    }

    private static Order last(List<Order> orders, String id) {
        Order found = null;
        for (Order o : orders) {
            if (o.id().equals(id)) {
                found = o;
            }
        }
        return found;
    }

    private static Balance lastBalance(List<Balance> balances, String currency) {
        Balance found = null;
        for (Balance b : balances) {
            if (b.currency().equals(currency)) {
                found = b;
            }
        }
        return found;
    }

    private static String describe(List<String> ids, List<Order> orders, Map<String, OrderStatus> venue) {
        StringBuilder text = new StringBuilder();
        for (String id : ids) {
            Order seen = last(orders, id);
            text.append('\n').append(id).append(" venue ").append(venue.get(id)).append(" seen ")
                    .append(seen == null ? "nothing" : seen.status());
        }
        return text.toString();
    }

}
