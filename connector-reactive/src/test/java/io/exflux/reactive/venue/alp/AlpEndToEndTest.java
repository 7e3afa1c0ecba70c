package io.exflux.reactive.venue.alp;

import io.exflux.reactive.config.Backoff;

import static io.exflux.reactive.venue.alp.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.model.Balance;
import io.exflux.api.model.CancelResult;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Fill;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.Trade;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.venue.alp.model.AlpAck;
import io.exflux.testkit.alp.AlpAccount;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.server.RecordedFrame;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The ALP connector against the embedded ALP simulator (REST v3 + websocket on loopback): what a user
 * of {@link AlpExchangeClient} sees when trading, watching books through forced disconnects, running on
 * short-lived JWTs, and sending bad input.
 */
class AlpEndToEndTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");

    private AlpSimulator sim;
    private final List<AlpExchangeClient> clients = new ArrayList<>();
    private final List<Disposable> subscriptions = new ArrayList<>();

    @AfterEach
    void stop() {
        subscriptions.forEach(Disposable::dispose);
        clients.forEach(c -> c.closeGracefully().block(Duration.ofSeconds(5)));
        if (sim != null) {
            sim.close();
        }
    }

    private void start(AlpSimulatorOptions options) {
        sim = AlpSimulator.start(options);
    }

    private AlpExchangeClient client(AlpAccount account) {
        AlpOptions.Builder options = AlpOptions.builder().restUrl(sim.restBaseUrl()).wsUrl(sim.websocketUrl())
                .rateLimit(AlpOptions.PUBLIC_SCOPE, null).rateLimit(AlpOptions.PRIVATE_SCOPE, null)
                .streamOptions(StreamOptions.builder().unsubscribeGrace(Duration.ofMillis(50))
                        .backoff(Backoff.fullJitter(Duration.ofMillis(10), Duration.ofMillis(50))).build());
        if (account != null) {
            options.credentials(account.credentials());
        }
        AlpExchangeClient client = AlpExchangeClient.create(options.build());
        clients.add(client);
        return client;
    }

    private <T> List<T> collect(Flux<T> flux) {
        List<T> out = new CopyOnWriteArrayList<>();
        subscriptions.add(flux.subscribe(out::add));
        return out;
    }

    /** The private socket is live once a wallet change reaches it: deposit dust until one arrives. */
    private void awaitPrivateStream(AlpAccount account, List<Balance> balances) {
        await().until(() -> {
            if (!balances.isEmpty()) {
                return true;
            }
            sim.deposit(account, "SPOT", "USDT", new BigDecimal("0.01")).block(Duration.ofSeconds(5));
            long deadline = System.nanoTime() + 200_000_000L;
            while (balances.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            return !balances.isEmpty();
        });
    }

    private void awaitSubscribed(AlpExchangeClient client, String topic, List<?> marker) {
        await().until(() -> marker.stream().anyMatch(m -> m instanceof AlpAck ack && ack.topics().contains(topic)));
    }

    private static Balance last(List<Balance> balances, String currency) {
        Balance found = null;
        for (Balance b : balances) {
            if (b.currency().equals(currency)) {
                found = b;
            }
        }
        return found;
    }

    private static Order lastOf(List<Order> orders, String id) {
        Order found = null;
        for (Order o : orders) {
            if (o.id().equals(id)) {
                found = o;
            }
        }
        return found;
    }

    @Test
    void restingLimitOrderIsWatchedReservedThenFilledByATaker() {
        start(AlpSimulatorOptions.builder().generatorEnabled(false).build());
        AlpAccount maker = sim.createAccount(Map.of("USDT", new BigDecimal("100000"), "BTC", new BigDecimal("2")));
        AlpAccount taker = sim.createAccount(Map.of("USDT", new BigDecimal("100000")));
        AlpExchangeClient makerClient = client(maker);
        AlpExchangeClient takerClient = client(taker);

        List<Order> orders = collect(makerClient.watchOrders());
        List<Balance> balances = collect(makerClient.watchBalances());
        List<Object> control = collect(makerClient.stream().controlMessages().map(m -> (Object) m));
        List<Trade> trades = collect(makerClient.watchTrades(BTC_USDT));
        awaitPrivateStream(maker, balances);
        awaitSubscribed(makerClient, "trade.BTC_USDT", control);

        Order placed = makerClient.placeOrder(OrderRequest.limit(BTC_USDT, Side.SELL, new BigDecimal("0.5"),
                new BigDecimal("60000.00")).withClientOrderId("maker-1")).block(Duration.ofSeconds(5));
        assertThat(placed.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(placed.clientOrderId()).isEqualTo("maker-1");

        await().until(() -> lastOf(orders, placed.id()) != null && lastOf(orders, placed.id()).status() == OrderStatus.OPEN);
        Order open = lastOf(orders, placed.id());
        assertThat(open.side()).isEqualTo(Side.SELL);
        assertThat(open.price()).isEqualByComparingTo("60000");
        assertThat(open.amount()).isEqualByComparingTo("0.5");
        await().until(() -> last(balances, "BTC") != null && last(balances, "BTC").reserved().compareTo(new BigDecimal("0.5")) == 0);
        assertThat(last(balances, "BTC").available()).isEqualByComparingTo("1.5");
        assertThat(makerClient.openOrders(BTC_USDT).map(Order::id).collectList().block()).containsExactly(placed.id());

        Order crossing = takerClient.placeOrder(OrderRequest.marketByQuote(BTC_USDT, Side.BUY, new BigDecimal("30000.00")))
                .block(Duration.ofSeconds(5));
        assertThat(crossing.quoteAmount()).isEqualByComparingTo("30000");

        await().until(() -> lastOf(orders, placed.id()).status() == OrderStatus.FILLED);
        assertThat(lastOf(orders, placed.id()).filledAmount()).isEqualByComparingTo("0.5");
        await().until(() -> !trades.isEmpty());
        assertThat(trades.get(0).price()).isEqualByComparingTo("60000");
        assertThat(trades.get(0).amount()).isEqualByComparingTo("0.5");
        assertThat(trades.get(0).takerSide()).isEqualTo(Side.BUY);
        await().until(() -> last(balances, "BTC").total().compareTo(new BigDecimal("1.5")) == 0
                && last(balances, "BTC").reserved().signum() == 0);
        await().until(() -> last(balances, "USDT") != null
                && last(balances, "USDT").total().compareTo(new BigDecimal("100000")) > 0);

        List<Fill> fills = makerClient.myTrades(BTC_USDT, 10).collectList().block(Duration.ofSeconds(5));
        assertThat(fills).singleElement().satisfies(fill -> {
            assertThat(fill.orderId()).isEqualTo(placed.id());
            assertThat(fill.side()).isEqualTo(Side.SELL);
            assertThat(fill.amount()).isEqualByComparingTo("0.5");
        });
        Map<String, BigDecimal> rest = makerClient.balances().collectMap(Balance::currency, Balance::total)
                .block(Duration.ofSeconds(5));
        assertThat(rest.get("BTC")).isEqualByComparingTo("1.5");
        assertThat(makerClient.order(placed.id(), BTC_USDT).block(Duration.ofSeconds(5)).status())
                .isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void cancelByIdsByPairAndAll() {
        start(AlpSimulatorOptions.builder().generatorEnabled(false).build());
        AlpAccount account = sim.createAccount(Map.of("USDT", new BigDecimal("100000")));
        AlpExchangeClient client = client(account);
        List<Order> orders = collect(client.watchOrders());
        List<Balance> balances = collect(client.watchBalances());
        awaitPrivateStream(account, balances);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(client.placeOrder(OrderRequest.limit(i < 3 ? BTC_USDT : CurrencyPair.of("ETH", "USDT"), Side.BUY,
                    new BigDecimal("0.01"), new BigDecimal(i < 3 ? "20000.00" : "2000.00"))).block().id());
        }
        await().until(() -> ids.stream().allMatch(id -> lastOf(orders, id) != null
                && lastOf(orders, id).status() == OrderStatus.OPEN));

        CancelResult one = client.cancelOrder(ids.get(0), BTC_USDT).block(Duration.ofSeconds(5));
        assertThat(one.canceled()).isTrue();
        List<CancelResult> again = client.cancelOrders(List.of(ids.get(0), "999999")).collectList().block();
        assertThat(again).allSatisfy(r -> assertThat(r.canceled()).isFalse());
        await().until(() -> lastOf(orders, ids.get(0)).status() == OrderStatus.CANCELED);

        client.cancelAllOrders(BTC_USDT).block(Duration.ofSeconds(5));
        await().until(() -> lastOf(orders, ids.get(1)).status() == OrderStatus.CANCELED
                && lastOf(orders, ids.get(2)).status() == OrderStatus.CANCELED);
        assertThat(lastOf(orders, ids.get(3)).status()).isEqualTo(OrderStatus.OPEN);
        assertThat(client.openOrders(null).map(Order::id).collectList().block()).containsExactly(ids.get(3));

        client.cancelAllOrders(null).block(Duration.ofSeconds(5));
        await().until(() -> lastOf(orders, ids.get(3)).status() == OrderStatus.CANCELED);
        assertThat(client.openOrders(null).collectList().block()).isEmpty();
        await().until(() -> last(balances, "USDT").reserved().signum() == 0);
    }

    @Test
    void watchOrderBookEqualsTheSimulatorsBookAfterEachOf50ForcedDisconnects() {
        start(AlpSimulatorOptions.builder().generatorEnabled(false).depthInterval(Duration.ofMillis(20)).build());
        sim.generator().prepare().block(Duration.ofSeconds(5));
        for (int i = 0; i < 40; i++) {
            sim.generator().step().block(Duration.ofSeconds(5));
        }
        AlpExchangeClient client = client(null);
        AtomicReference<OrderBook> latest = new AtomicReference<>();
        subscriptions.add(client.watchOrderBook(BTC_USDT, 20).subscribe(latest::set));

        await().until(() -> sameBook(latest.get(), sim.book("BTC_USDT", 20)));

        for (int round = 1; round <= 50; round++) {
            int opened = sim.server().sessions().size();
            sim.generator().step().block(Duration.ofSeconds(5));
            sim.dropAllWebsockets();
            sim.generator().step().block(Duration.ofSeconds(5)); // changes the client cannot see on the wire
            await().until(() -> sim.server().sessions().size() > opened && sim.openWebsockets() > 0);
            sim.generator().step().block(Duration.ofSeconds(5));
            int currentRound = round;
            await().until(() -> sameBook(latest.get(), sim.book("BTC_USDT", 20)), () -> "round " + currentRound
                    + "\nours  " + describe(latest.get()) + "\nvenue " + describe(sim.book("BTC_USDT", 20)));
            assertThat(latest.get().isCrossed()).as("round %d", currentRound).isFalse();
        }
    }

    @Test
    void aStalledSocketIsCaughtByTheWatchdogTimedByTheWelcomeAndTheBookRecovers() {
        start(AlpSimulatorOptions.builder().generatorEnabled(false).depthInterval(Duration.ofMillis(20))
                .pingInterval(Duration.ofMillis(300)).pingTimeout(Duration.ofMillis(300)).build());
        sim.generator().prepare().block(Duration.ofSeconds(5));
        sim.generator().step().block(Duration.ofSeconds(5));
        AlpExchangeClient client = client(null);
        AtomicReference<OrderBook> latest = new AtomicReference<>();
        subscriptions.add(client.watchOrderBook(BTC_USDT, 20).subscribe(latest::set));
        await().until(() -> sameBook(latest.get(), sim.book("BTC_USDT", 20)));
        int opened = sim.server().sessions().size();

        sim.faults().stallWebsockets(); // open, silent, no pongs: only the idle watchdog can tell
        for (int i = 0; i < 5; i++) {
            sim.generator().step().block(Duration.ofSeconds(5));
        }
        await().until(() -> sim.server().sessions().size() > opened);
        await().until(() -> sameBook(latest.get(), sim.book("BTC_USDT", 20)),
                () -> "\nours  " + describe(latest.get()) + "\nvenue " + describe(sim.book("BTC_USDT", 20)));
    }

    private static boolean sameBook(OrderBook ours, io.exflux.api.model.OrderBook venue) {
        return ours != null && levels(ours.bids()).equals(levels(venue.bids()))
                && levels(ours.asks()).equals(levels(venue.asks()));
    }

    private static String describe(OrderBook book) {
        return book == null ? "none" : "bids " + levels(book.bids()) + " asks " + levels(book.asks());
    }

    /** The distinct {@code auth} frames the client sent on the sockets (one per token). */
    private List<String> authFrames() {
        return sim.server().frames().stream()
                .filter(f -> f.kind() == RecordedFrame.Kind.TEXT && f.text().startsWith("[\"auth\""))
                .map(RecordedFrame::text).distinct().toList();
    }

    private static List<String> levels(List<PriceLevel> levels) {
        return levels.stream().map(l -> l.price().stripTrailingZeros().toPlainString() + "@"
                + l.amount().stripTrailingZeros().toPlainString()).collect(Collectors.toList());
    }

    @Test
    void aJwtExpiringMidStreamIsRenewedWithoutAFailedCallAndResentOnTheSocket() {
        start(AlpSimulatorOptions.builder().generatorEnabled(false).jwtLifetime(Duration.ofSeconds(3)).build());
        AlpAccount account = sim.createAccount(Map.of("USDT", new BigDecimal("100000")));
        AlpExchangeClient client = client(account);
        List<Order> orders = collect(client.watchOrders());
        List<Balance> balances = collect(client.watchBalances());
        awaitPrivateStream(account, balances);

        // REST calls keep working across two renewals (each token lives 3 s, renewed at 2.4 s); wait for the
        // renewals rather than for a fixed time, so a slow machine cannot make the count come up short
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(client.balances().collectList().block(Duration.ofSeconds(5))).isNotEmpty();
            return sim.server().requests("POST", "/api/v3/auth").size() >= 3 && authFrames().size() >= 3;
        }, () -> sim.server().requests("POST", "/api/v3/auth").size() + " token requests, "
                + authFrames().size() + " distinct auth frames");
        assertThat(sim.server().sessions().stream().filter(s -> s.isOpen()).count()).isEqualTo(1);

        // the socket still runs on a valid token: a new order's update arrives
        String id = client.placeOrder(OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.01"),
                new BigDecimal("20000.00"))).block(Duration.ofSeconds(5)).id();
        await().until(() -> lastOf(orders, id) != null);
    }

    @Test
    void badInputFailsBeforeAnythingIsSentWithAMessageThatNamesTheRule() {
        start(AlpSimulatorOptions.builder().generatorEnabled(false).build());
        AlpAccount account = sim.createAccount(Map.of("USDT", new BigDecimal("100000")));
        AlpExchangeClient client = client(account);
        client.pair(BTC_USDT).block(Duration.ofSeconds(5)); // the market list is cached from here on
        sim.server().clearRecords();

        expectInvalid(client, OrderRequest.limit(CurrencyPair.of("NOPE", "USDT"), Side.BUY, BigDecimal.ONE,
                BigDecimal.TEN), "unknown pair NOPE/USDT");
        expectInvalid(client, OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.01"),
                new BigDecimal("60000.001")), "price 60000.001 has 3 decimals, BTC/USDT allows 2");
        expectInvalid(client, OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.000000001"),
                new BigDecimal("60000")), "amount 0.000000001 has 9 decimals, BTC/USDT allows 8");
        expectInvalid(client, OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.00001"),
                new BigDecimal("60000")), "below the minimum order size 0.0001");
        expectInvalid(client, OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.001"),
                new BigDecimal("5")), "below the minimum order value 10");
        expectInvalid(client, OrderRequest.limit(BTC_USDT, Side.SELL, new BigDecimal("-1"),
                new BigDecimal("60000")), "amount must be positive");
        expectInvalid(client, OrderRequest.market(BTC_USDT, Side.BUY, new BigDecimal("0.01")),
                "ALP requires a quote amount for a market BUY");

        assertThat(sim.server().requests()).isEmpty();
    }

    private static void expectInvalid(AlpExchangeClient client, OrderRequest request, String rule) {
        StepVerifier.create(client.placeOrder(request))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining(rule))
                .verify(Duration.ofSeconds(5));
    }
}
