package io.exflux.reactive.venue.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.Capability;
import io.exflux.api.ExchangeClient;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.api.model.Trade;
import io.exflux.reactive.Exchanges;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The unified client of both venues through {@code Exchanges}, against a scripted loopback venue. */
class V1ExchangeClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final CurrencyPair BTC_USD = CurrencyPair.of("BTC", "USD");
    private static final String OPEN = "0{\"sid\":\"s1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":5000}";

    private FakeVenueServer server;
    private ExchangeClient client;

    @BeforeEach
    void start() {
        server = FakeVenueServer.start();
        server.route("GET", "/api/v1/pairs/").respond(FakeResponse.ok(V1Examples.raw(V1Dialect.BTC_ALPHA, "pairs")));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.closeGracefully().block(WAIT);
        }
        server.close();
    }

    private ExchangeClient client(V1Dialect dialect) {
        client = Exchanges.create(dialect.venue(), V1RestClientTest.options(dialect, server)
                .wsUrl(server.wsUrl("/")).build());
        return client;
    }

    @Test
    void bothVenuesAreInExchangesWithTheirExactCapabilities() {
        assertThat(Exchanges.venues()).contains("btc-alpha", "bitexbit");
        ExchangeClient alpha = client(V1Dialect.BTC_ALPHA);
        assertThat(alpha).isInstanceOf(V1ExchangeClient.class);
        assertThat(alpha.venue()).isEqualTo("btc-alpha");
        assertThat(alpha.capabilities().supports(Capability.PLACE_LIMIT_ORDER)).isTrue();
        assertThat(alpha.capabilities().supports(Capability.DEPOSITS)).isTrue();
        assertThat(alpha.capabilities().supports(Capability.TICKER)).as("neither document has a ticker").isFalse();
        assertThat(alpha.capabilities().supports(Capability.PLACE_MARKET_ORDER)).isFalse();
        ExchangeClient publicOnly = Exchanges.create("bitexbit", java.util.Map.of());
        try {
            assertThat(publicOnly.capabilities().supports(Capability.BALANCES)).isFalse();
            assertThat(publicOnly.capabilities().supports(Capability.WATCH_ORDER_BOOK)).isTrue();
        } finally {
            publicOnly.closeGracefully().block(WAIT);
        }
    }

    @Test
    void badOrdersFailBeforeSendingAndNameTheRule() {
        ExchangeClient alpha = client(V1Dialect.BTC_ALPHA);
        expectInvalid(alpha.placeOrder(limit(CurrencyPair.of("DOGE", "USD"), "1", "1")), "unknown pair");
        expectInvalid(alpha.placeOrder(limit(BTC_USD, "1", "870.6912")), "price");
        expectInvalid(alpha.placeOrder(limit(BTC_USD, "1.000000001", "870.69")), "amount");
        expectInvalid(alpha.placeOrder(limit(BTC_USD, "0", "870.69")), "amount");
        expectInvalid(alpha.cancelOrder("abc", BTC_USD), "positive numbers");
        expectInvalid(alpha.order("-4", BTC_USD), "positive numbers");
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/api/v1/pairs/"));
    }

    private static List<String> levels(List<PriceLevel> side) {
        return side.stream().map(l -> l.price().stripTrailingZeros().toPlainString() + " x "
                + l.amount().stripTrailingZeros().toPlainString()).toList();
    }

    private static OrderRequest limit(CurrencyPair pair, String amount, String price) {
        return new OrderRequest.Limit(pair, Side.BUY, new BigDecimal(amount), new BigDecimal(price), TimeInForce.GTC, false, null);
    }

    private static void expectInvalid(Mono<?> call, String rule) {
        StepVerifier.create(call).expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(rule)).verify(WAIT);
    }

    @Test
    void aValidOrderIsPlacedAndComesBackPending() {
        server.route("POST", "/api/v1/order/").respond(FakeResponse.ok(V1Examples.raw(V1Dialect.BITEXBIT,
                "order-create")));
        ExchangeClient bitexbit = client(V1Dialect.BITEXBIT);
        assertThat(bitexbit.placeOrder(limit(BTC_USD, "0.0001", "870.69")).block(WAIT)).satisfies(order -> {
            assertThat(order.id()).isEqualTo("11268");
            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        });
        assertThat(server.requests("POST", "/api/v1/order/").get(0).bodyAsString())
                .isEqualTo("amount=0.0001&pair=BTC_USD&price=870.69&type=buy");
    }

    /**
     * The REST book, then: a buy order rests at 911.2; a sell order takes 0.1 of it (its trade); the buy order's
     * owner cancels the remaining 0.4. Each book the user sees follows.
     */
    @Test
    void watchOrderBookFollowsTheSocketsOrderEventsOnTheRestBook_andWatchTradesSeesTheTrade() {
        server.route("GET", "/api/v1/orderbook/").respond(FakeResponse.ok(V1Examples.raw(V1Dialect.BTC_ALPHA,
                "orderbook")));
        String rest = "4{\"date\":1485686507.1,\"oid\":20,\"type\":\"buy\",\"price\":911.2,\"amount\":0.5,\"trades\":[]}";
        String take = "4{\"date\":1485686508.1,\"oid\":21,\"type\":\"sell\",\"price\":911.2,\"amount\":0.0,"
                + "\"trades\":[{\"tid\":7,\"type\":\"buy\",\"price\":\"911.2\",\"amount\":\"0.1\",\"o_id\":20}]}";
        String cancel = "4{\"success\":true,\"date\":1485686509.1,\"oid\":20,\"type\":\"buy\",\"price\":911.2,"
                + "\"amount\":0.4,\"pair\":\"BTC_USD\",\"cancelled\":true}";
        server.websocket("/socket.io/", session -> {
            session.send(OPEN);
            return session.inbound().filter(text -> text.startsWith("4[\"subscribe\"")).take(1)
                    .delayElements(Duration.ofMillis(300))
                    .doOnNext(text -> {
                        session.send(rest);
                        session.send(take);
                        session.send(cancel);
                    }).then(Mono.never());
        });
        ExchangeClient alpha = client(V1Dialect.BTC_ALPHA);
        List<OrderBook> books = new CopyOnWriteArrayList<>();
        List<Trade> trades = new CopyOnWriteArrayList<>();
        Disposable watching = alpha.watchOrderBook(BTC_USD, 5).subscribe(books::add);
        Disposable trading = alpha.watchTrades(BTC_USD).subscribe(trades::add);
        try {
            Mono.fromCallable(() -> books.size() >= 4 && trades.size() == 1).filter(done -> done)
                    .repeatWhenEmpty(400, t -> t.delayElements(Duration.ofMillis(25))).block(WAIT);
        } finally {
            watching.dispose();
            trading.dispose();
        }
        OrderBook first = books.get(0);
        assertThat(levels(first.bids())).as("bids are the buy orders").containsExactly("911.122 x 0.001233");
        assertThat(levels(first.asks())).as("asks are the sell orders").containsExactly("911.519 x 0.000446");
        assertThat(levels(books.get(1).bids())).startsWith("911.2 x 0.5");
        assertThat(levels(books.get(2).bids())).startsWith("911.2 x 0.4");
        assertThat(levels(books.get(books.size() - 1).bids())).containsExactly("911.122 x 0.001233");
        assertThat(trades.get(0)).satisfies(t -> {
            assertThat(t.id()).isEqualTo("7");
            assertThat(t.takerSide()).isEqualTo(Side.SELL);
            assertThat(t.amount()).isEqualByComparingTo("0.1");
        });
        assertThat(server.requests("GET", "/api/v1/orderbook/").get(0).rawQuery())
                .as("the seed is the ungrouped book: its orders, with their ids")
                .isEqualTo("pair=BTC_USD&limit_bids=100&limit_asks=100");
    }

    /**
     * The socket lags behind the REST seed: the seed already holds a new order that the socket delivers after it.
     * Kept per order id, the order is not added twice (a book of levels showed 911.2 x 1 until the next seed); a new
     * order the seed lacks, delivered next, is added.
     */
    @Test
    void anOrderTheSeedAlreadyHoldsIsNotAddedAgainWhenTheSocketDeliversItLate() {
        java.util.concurrent.atomic.AtomicBoolean secondPlaced = new java.util.concurrent.atomic.AtomicBoolean();
        // BTC-Alpha's "asks" are the buy orders
        server.route("GET", "/api/v1/orderbook/").respondWith(request -> FakeResponse.ok("{\"bids\":[{\"price\":911.519,"
                + "\"id\":44667,\"amount\":0.000446,\"timestamp\":1485777324.4}],\"asks\":["
                + (secondPlaced.get() ? "{\"price\":911.3,\"id\":21,\"amount\":0.2,\"timestamp\":1485777400.2}," : "")
                + "{\"price\":911.2,\"id\":20,\"amount\":0.5,\"timestamp\":1485777400.1},"
                + "{\"price\":911.122,\"id\":44647,\"amount\":0.001233,\"timestamp\":1485777124.4}]}"));
        String first = "4{\"date\":1485777400.1,\"oid\":20,\"type\":\"buy\",\"price\":911.2,\"amount\":0.5,"
                + "\"trades\":[]}";
        String second = "4{\"date\":1485777400.2,\"oid\":21,\"type\":\"buy\",\"price\":911.3,\"amount\":0.2,"
                + "\"trades\":[]}";
        server.websocket("/socket.io/", session -> {
            session.send(OPEN);
            return session.inbound().filter(text -> text.startsWith("4[\"subscribe\"")).take(1)
                    .delayElements(Duration.ofMillis(300))
                    .doOnNext(text -> {
                        session.send(first);
                        secondPlaced.set(true);
                        session.send(second);
                    }).then(Mono.never());
        });
        ExchangeClient alpha = client(V1Dialect.BTC_ALPHA);
        List<OrderBook> books = new CopyOnWriteArrayList<>();
        Disposable watching = alpha.watchOrderBook(BTC_USD, 5).subscribe(books::add);
        try {
            Mono.fromCallable(() -> !books.isEmpty() && levels(books.get(books.size() - 1).bids()).size() == 3
                            && server.requests("GET", "/api/v1/orderbook/").size() >= 2)
                    .filter(done -> done).repeatWhenEmpty(400, t -> t.delayElements(Duration.ofMillis(25)))
                    .block(WAIT);
        } finally {
            watching.dispose();
        }
        assertThat(books).as("no book counts order 20 twice")
                .allSatisfy(book -> assertThat(levels(book.bids())).doesNotContain("911.2 x 1"));
        assertThat(levels(books.get(books.size() - 1).bids()))
                .containsExactly("911.3 x 0.2", "911.2 x 0.5", "911.122 x 0.001233");
    }

    @Test
    void accountAndOrderQueriesReadTheDocumentsExamples() {
        V1Dialect venue = V1Dialect.BITEXBIT;
        for (String[] route : new String[][] {{"/api/v1/wallets/", "wallets"}, {"/api/v1/deposits/", "deposits"},
                {"/api/v1/withdraws/", "withdraws"}, {"/api/v1/orders/own/", "orders-own"},
                {"/api/v1/exchanges/own/", "exchanges"}, {"/api/v1/order/11259/", "order"},
                {"/api/v1/exchanges/", "exchanges"}}) {
            server.route("GET", route[0]).respond(FakeResponse.ok(V1Examples.raw(venue, route[1])));
        }
        server.route("POST", "/api/v1/order-cancel/").respond(FakeResponse.ok(V1Examples.raw(venue, "order-cancel")));
        ExchangeClient bitexbit = client(venue);

        assertThat(bitexbit.balances().blockFirst(WAIT).currency()).isEqualTo("BTC");
        assertThat(bitexbit.deposits().blockFirst(WAIT).status()).isEqualTo(io.exflux.api.model.TransferStatus.COMPLETED);
        assertThat(bitexbit.withdrawals().blockFirst(WAIT).status()).isEqualTo(io.exflux.api.model.TransferStatus.PENDING);
        assertThat(bitexbit.openOrders(CurrencyPair.of("ETH", "USD")).blockFirst(WAIT).status())
                .as("the example's status is 3 (done), whatever was asked").isEqualTo(OrderStatus.FILLED);
        assertThat(bitexbit.order("11259", BTC_USD).block(WAIT).status()).isEqualTo(OrderStatus.OPEN);
        assertThat(bitexbit.myTrades(BTC_USD, 10).blockFirst(WAIT).side()).isEqualTo(Side.SELL);
        assertThat(bitexbit.trades(BTC_USD, 10).blockFirst(WAIT).id()).isEqualTo("6030");
        assertThat(bitexbit.cancelOrder("63568", BTC_USD).block(WAIT).canceled()).isTrue();

        assertThat(server.requests("GET", "/api/v1/orders/own/").get(0).rawQuery()).isEqualTo("pair=ETH_USD&status=1");
        assertThat(server.requests("GET", "/api/v1/exchanges/own/").get(0).rawQuery()).isEqualTo("pair=BTC_USD&limit=10");
    }

    /** Three hours of one-minute candles: three calls of at most 720, whole seconds, oldest first. */
    @Test
    void candlesArePagedInWindowsOfTheVenuesLimit() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        server.route("GET", "/api/charts/BTC_USD/1/chart").respondWith(request -> {
            calls.incrementAndGet();
            long since = Long.parseLong(request.queryParam("since"));
            return FakeResponse.ok("[{\"time\":" + since + ",\"open\":1,\"high\":2,\"low\":0.5,\"close\":1.5,"
                    + "\"volume\":3}]");
        });
        ExchangeClient alpha = client(V1Dialect.BTC_ALPHA);
        java.time.Instant from = java.time.Instant.ofEpochSecond(1_600_000_000L);
        List<io.exflux.api.model.Candle> candles = alpha.candles(BTC_USD, io.exflux.api.model.CandleInterval.M1, from,
                from.plus(Duration.ofMinutes(720 * 3))).collectList().block(WAIT);
        assertThat(calls.get()).isEqualTo(3);
        assertThat(candles).hasSize(3).isSortedAccordingTo((a, b) -> a.openTime().compareTo(b.openTime()));
        assertThat(candles.get(0).openTime()).isEqualTo(from);
        assertThat(server.requests("GET", "/api/charts/BTC_USD/1/chart").get(0).queryParam("limit")).isEqualTo("720");
    }

    /** After the socket drops and comes back, the book is seeded again from REST: what changed meanwhile is seen. */
    @Test
    void watchOrderBookIsReseededFromRestAfterAReconnect() {
        server.route("GET", "/api/v1/orderbook/").respond(
                FakeResponse.ok(V1Examples.raw(V1Dialect.BTC_ALPHA, "orderbook")),
                FakeResponse.ok("{\"bids\":[{\"price\":950,\"id\":44700,\"amount\":2,\"timestamp\":1485777400.1}],"
                        + "\"asks\":[{\"price\":900,\"id\":44701,\"amount\":1,\"timestamp\":1485777401.1}]}"));
        server.websocket("/socket.io/", session -> {
            session.send(OPEN);
            return Mono.never();
        });
        ExchangeClient alpha = client(V1Dialect.BTC_ALPHA);
        List<OrderBook> books = new CopyOnWriteArrayList<>();
        Disposable watching = alpha.watchOrderBook(BTC_USD, 5).subscribe(books::add);
        try {
            Mono.fromCallable(() -> books.size() == 1 && server.sessions().size() == 1).filter(done -> done)
                    .repeatWhenEmpty(400, t -> t.delayElements(Duration.ofMillis(25))).block(WAIT);
            server.sessions().get(0).drop();
            Mono.fromCallable(() -> fresh(books).size() == 2).filter(done -> done)
                    .repeatWhenEmpty(400, t -> t.delayElements(Duration.ofMillis(25))).block(WAIT);
        } finally {
            watching.dispose();
        }
        assertThat(books).as("between the drop and the reseed the last book is shown marked stale")
                .anyMatch(OrderBook::stale);
        OrderBook reseeded = fresh(books).get(1);
        assertThat(levels(reseeded.bids())).containsExactly("900 x 1");
        assertThat(levels(reseeded.asks())).containsExactly("950 x 2");
        assertThat(server.requests("GET", "/api/v1/orderbook/")).hasSize(2);
    }

    private static List<OrderBook> fresh(List<OrderBook> books) {
        return books.stream().filter(book -> !book.stale()).toList();
    }
}
