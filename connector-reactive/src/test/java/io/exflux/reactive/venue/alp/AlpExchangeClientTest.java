package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.Capability;
import io.exflux.api.config.Credentials;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.InsufficientFundsException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.error.OrderOutcomeUnknownException;
import io.exflux.api.error.UnsupportedCapabilityException;
import io.exflux.api.model.Candle;
import io.exflux.api.model.CandleInterval;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.LedgerEntry;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.Side;
import io.exflux.api.model.Ticker;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The unified client's REST side against a scripted loopback venue. */
class AlpExchangeClientTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");

    private FakeVenueServer server;
    private AlpExchangeClient client;

    @BeforeEach
    void start() {
        server = FakeVenueServer.start();
        server.route("POST", "/api/v3/auth").respond(FakeResponse.ok("\"" + AlpTestJwt.withExp(4_000_000_000L, "a")
                + "\""));
        // the market list that argument checks read (a test may script its own answer instead)
        server.route("GET", "/api/v3/pairs").respond(FakeResponse.ok(AlpDocExamples.json("rest/pairs.json")));
        client = AlpExchangeClient.create(AlpOptions.builder().restUrl(server.baseUrl() + "/api/v3")
                .wsUrl(server.wsUrl("/ws")).credentials(Credentials.of("KEY", "SECRET"))
                .rateLimit(AlpOptions.PUBLIC_SCOPE, null).rateLimit(AlpOptions.PRIVATE_SCOPE, null).build());
    }

    @AfterEach
    void stop() {
        client.closeGracefully().block(Duration.ofSeconds(5));
        server.close();
    }

    @Test
    void anAmbiguousPlacementIsAnUnknownOutcomeCarryingTheUnifiedRequest() {
        server.route("GET", "/api/v3/pairs").respond(FakeResponse.ok(AlpDocExamples.json("rest/pairs.json")));
        server.route("POST", "/api/v3/trading/order").respond(FakeResponse.status(503));
        server.route("GET", "/api/v3/accounts/order").respond(FakeResponse.ok("[]"));
        OrderRequest request = OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.01"), new BigDecimal("45000.00"))
                .withClientOrderId("u-1");
        StepVerifier.create(client.placeOrder(request))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(OrderOutcomeUnknownException.class,
                        unknown -> {
                            assertThat(unknown.request()).isEqualTo(request);
                            assertThat(unknown.clientOrderId()).isEqualTo("u-1");
                            assertThat(unknown.getMessage()).contains("may exist").doesNotContain("SECRET");
                        }))
                .verify(Duration.ofSeconds(10));
        assertThat(server.requests("POST", "/api/v3/trading/order")).hasSize(1);
    }

    @Test
    void aRefusedPlacementIsThePlainTypedError() {
        server.route("GET", "/api/v3/pairs").respond(FakeResponse.ok(AlpDocExamples.json("rest/pairs.json")));
        server.route("POST", "/api/v3/trading/order").respond(
                FakeResponse.json(400, "{\"code\":\"INSUFFICIENT_FUNDS\",\"message\":\"no money\"}"));
        StepVerifier.create(client.placeOrder(OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.01"),
                        new BigDecimal("45000.00")).withClientOrderId("u-2")))
                .expectError(InsufficientFundsException.class)
                .verify(Duration.ofSeconds(10));
        assertThat(server.requests("GET", "/api/v3/accounts/order")).isEmpty();
    }

    @Test
    void capabilitiesSayWhatWorks() {
        assertThat(client.venue()).isEqualTo("alp");
        assertThat(client.capabilities().supports(Capability.PLACE_MARKET_ORDER_BY_QUOTE)).isTrue();
        assertThat(client.capabilities().supports(Capability.WATCH_ORDERS)).isTrue();
        assertThat(client.capabilities().supports(Capability.WATCH_FILLS)).isFalse();
        assertThat(client.capabilities().supports(Capability.DEPOSITS)).isFalse();
        StepVerifier.create(client.watchFills()).expectError(UnsupportedCapabilityException.class).verify();
        StepVerifier.create(client.deposits()).expectError(UnsupportedCapabilityException.class).verify();
        AlpExchangeClient anonymous = AlpExchangeClient.create(AlpOptions.defaults());
        assertThat(anonymous.capabilities().supports(Capability.ORDER_BOOK)).isTrue();
        assertThat(anonymous.capabilities().supports(Capability.BALANCES)).isFalse();
        StepVerifier.create(anonymous.balances()).expectError(AuthenticationException.class).verify();
        anonymous.closeGracefully().block(Duration.ofSeconds(5));
    }

    @Test
    void aTradeThatDoesNotFitTheUnifiedTypeIsSkippedAndTheStreamGoesOn() {
        List<io.exflux.api.model.Trade> trades = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.websocket("/ws", session -> {
            session.send("[\"welcome\",1790139140,20000,30000,\"ec9a0e3f\"]");
            return session.inbound().filter(text -> text.startsWith("[\"subscribe\""))
                    .doOnNext(text -> {
                        session.send("[\"subscribe\",1790139140," + text.substring(13));
                        session.send("[\"t\",1694003848,1,\"BTC_USDT\",\"0\",\"25706\",\"buy\"]"); // amount 0
                        session.send("[\"t\",1694003849,2,\"BTC_USDT\",\"0.5\",\"25706\",\"sell\"]");
                    })
                    .then();
        });

        reactor.core.Disposable subscription = client.watchTrades(BTC_USDT).subscribe(trades::add, errors::add);
        try {
            Await.await().until(() -> !trades.isEmpty() || !errors.isEmpty());

            assertThat(errors).isEmpty();
            assertThat(trades).extracting(io.exflux.api.model.Trade::id).containsExactly("2");
            assertThat(subscription.isDisposed()).isFalse();
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void aRestAnswerThatBreaksAUnifiedTypeIsAProtocolError() {
        server.route("GET", "/api/v3/ticker").respond(FakeResponse.ok(
                AlpDocExamples.json("rest/ticker.json").replace("\"BTC_USDT\"", "\"BTCUSDT\"")));
        server.route("GET", "/api/v3/trades").respond(FakeResponse.ok(
                AlpDocExamples.json("rest/trades.json").replaceFirst("\"amount\":\\s*[0-9.]+", "\"amount\": 0")));

        StepVerifier.create(client.tickers())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(io.exflux.api.error.ProtocolException.class)
                        .hasMessageContaining("BTCUSDT"))
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(client.trades(BTC_USDT, 10))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(io.exflux.api.error.ProtocolException.class)
                        .hasMessageContaining("amount must be positive"))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void openOrdersKeepAnOrderWhoseStatusIsUnknownAndDropFinalOnes() {
        String filled = AlpDocExamples.json("rest/orders.json").trim(); // order 123, FILLED
        String list = filled.substring(0, filled.length() - 1) + "," + order(124, "WAITING_FOR_MATCH") + ","
                + order(125, "OPEN") + "]";
        server.route("GET", "/api/v3/accounts/order").respond(FakeResponse.ok(list));

        List<Order> orders = client.openOrders(BTC_USDT).collectList().block(Duration.ofSeconds(5));

        assertThat(orders).extracting(Order::id).containsExactly("124", "125");
        assertThat(orders.get(0).status()).isEqualTo(OrderStatus.UNKNOWN);
    }

    private static String order(long id, String status) {
        return "{\"id\":" + id + ",\"account_id\":456,\"pair\":\"BTC_USDT\",\"amount\":1.5,\"price\":45000.0,"
                + "\"side\":\"BID\",\"status\":\"" + status + "\",\"type\":\"LIMIT\",\"wallet_type\":\"SPOT\","
                + "\"amount_canceled\":0.0,\"amount_filled\":0.0,\"date\":\"2023-09-04T12:00:00Z\",\"tif\":\"GTC\"}";
    }

    @Test
    void candlesPageThroughFiveHundredAtATime() {
        long start = 1_700_000_000L;
        server.route("GET", "/api/v3/charts").respondWith(request -> {
            long since = Long.parseLong(request.queryParam("since"));
            long until = Long.parseLong(request.queryParam("until"));
            StringBuilder page = new StringBuilder("[");
            int count = 0;
            for (long t = since; t < until && count < 500; t += 60, count++) {
                page.append(count == 0 ? "" : ",").append("{\"time\":").append(t)
                        .append(",\"open\":1,\"close\":2,\"low\":0.5,\"high\":3,\"volume\":\"4\"}");
            }
            return FakeResponse.ok(page.append(']').toString());
        });
        List<Candle> candles = client.candles(BTC_USDT, CandleInterval.M1, Instant.ofEpochSecond(start),
                Instant.ofEpochSecond(start + 60 * 700)).collectList().block(Duration.ofSeconds(5));
        assertThat(candles).hasSize(700);
        assertThat(candles.get(0).openTime()).isEqualTo(Instant.ofEpochSecond(start));
        assertThat(candles.get(699).openTime()).isEqualTo(Instant.ofEpochSecond(start + 60 * 699));
        List<RecordedRequest> pages = server.requests("GET", "/api/v3/charts");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).queryParam("interval")).isEqualTo("1");
        assertThat(pages.get(1).queryParam("since")).isEqualTo(Long.toString(start + 60 * 500));
        StepVerifier.create(client.candles(BTC_USDT, CandleInterval.H6, Instant.EPOCH, Instant.ofEpochSecond(1)))
                .expectError(UnsupportedCapabilityException.class).verify();
    }

    @Test
    void candlesAreWholeWhicheverEndOfAFullPageTheVenueKeeps() {
        long start = 1_700_000_040L; // a whole minute
        int count = 1_234;
        java.util.concurrent.atomic.AtomicBoolean keepNewest = new java.util.concurrent.atomic.AtomicBoolean();
        server.route("GET", "/api/v3/charts").respondWith(request -> {
            long since = Long.parseLong(request.queryParam("since"));
            long until = Long.parseLong(request.queryParam("until"));
            int limit = Integer.parseInt(request.queryParam("limit"));
            List<Long> times = new java.util.ArrayList<>();
            for (long t = Math.floorDiv(since + 59, 60) * 60; t <= until; t += 60) { // until read as inclusive
                times.add(t);
            }
            if (times.size() > limit) {
                times = keepNewest.get() ? times.subList(times.size() - limit, times.size()) : times.subList(0, limit);
            }
            StringBuilder page = new StringBuilder("[");
            for (long t : times) {
                page.append(page.length() == 1 ? "" : ",").append("{\"time\":").append(t)
                        .append(",\"open\":1,\"close\":2,\"low\":0.5,\"high\":3,\"volume\":\"4\"}");
            }
            return FakeResponse.ok(page.append(']').toString());
        });

        for (boolean newest : new boolean[] {true, false}) {
            keepNewest.set(newest);
            List<Candle> candles = client.candles(BTC_USDT, CandleInterval.M1, Instant.ofEpochSecond(start),
                    Instant.ofEpochSecond(start + 60L * count)).collectList().block(Duration.ofSeconds(5));

            assertThat(candles).as("venue keeps the %s candles of a full page", newest ? "newest" : "oldest")
                    .hasSize(count);
            for (int i = 0; i < count; i++) {
                assertThat(candles.get(i).openTime()).isEqualTo(Instant.ofEpochSecond(start + 60L * i));
            }
        }
        assertThat(server.requests("GET", "/api/v3/charts")).hasSize(6); // three windows of at most 500, twice
    }

    @Test
    void ledgerPagesThroughTheActivityWithTheDocumentedOffset() {
        int available = 3_000;
        server.route("GET", "/api/v3/accounts/activity").respondWith(request -> {
            int limit = Integer.parseInt(request.queryParam("limit"));
            int offset = request.queryParam("offset") == null ? 0 : Integer.parseInt(request.queryParam("offset"));
            StringBuilder page = new StringBuilder("[");
            for (int i = offset; i < Math.min(available, offset + Math.min(limit, 1000)); i++) {
                page.append(page.length() == 1 ? "" : ",").append("{\"balance\":").append(i + 1)
                        .append(",\"reserve\":0,\"currency\":\"USDT\",\"wallet_type\":\"SPOT\",")
                        .append("\"last_update_at\":\"2023-09-04T12:00:00Z\",\"account_id\":0,\"op_type\":1}");
            }
            return FakeResponse.ok(page.append(']').toString());
        });

        List<LedgerEntry> ledger = client.ledger(2_500).collectList().block(Duration.ofSeconds(5));

        assertThat(ledger).hasSize(2_500);
        for (int i = 0; i < ledger.size(); i++) {
            assertThat(ledger.get(i).amount()).isEqualByComparingTo(Integer.toString(i + 1));
        }
        List<RecordedRequest> pages = server.requests("GET", "/api/v3/accounts/activity");
        assertThat(pages).extracting(p -> p.queryParam("limit") + "@" + p.queryParam("offset"))
                .containsExactly("1000@0", "1000@1000", "500@2000");
    }

    @Test
    void ledgerStopsAtAShortPage() {
        server.route("GET", "/api/v3/accounts/activity").respond(FakeResponse.ok(AlpDocExamples.json("rest/activity.json")));

        assertThat(client.ledger(5_000).collectList().block(Duration.ofSeconds(5))).hasSize(1);
        assertThat(server.requests("GET", "/api/v3/accounts/activity")).hasSize(1);
        StepVerifier.create(client.rest().activity(10, -1)).expectError(InvalidRequestException.class).verify();
    }

    @Test
    void aPairWithoutPrecisionHasUnknownPrecisionAndRefusesNoValidPrice() {
        server.route("GET", "/api/v3/pairs").respond(FakeResponse.ok("[{\"name\":\"BTC_USDT\",\"currency1\":\"BTC\","
                + "\"currency2\":\"USDT\",\"minimum_order_size\":0.001,\"maximum_order_size\":10.0,"
                + "\"minimum_order_value\":10.0}]"));
        server.route("POST", "/api/v3/trading/order").respond(FakeResponse.ok("[34]"));

        io.exflux.api.model.PairInfo info = client.pair(BTC_USDT).block(Duration.ofSeconds(5));
        assertThat(info.priceScale()).isNull();
        assertThat(info.amountScale()).isNull();
        Order placed = client.placeOrder(io.exflux.api.model.OrderRequest.limit(BTC_USDT,
                io.exflux.api.model.Side.BUY, new java.math.BigDecimal("0.00123456"),
                new java.math.BigDecimal("45000.12"))).block(Duration.ofSeconds(5));

        assertThat(placed.id()).isEqualTo("34");
        assertThat(server.requests("POST", "/api/v3/trading/order")).singleElement()
                .satisfies(r -> assertThat(r.bodyAsString()).contains("\"limit_price\":\"45000.12\""));
    }

    @Test
    void aNativeMarketOrderWithBaseAndQuoteAmountsIsRefusedBeforeAnythingIsSent() {
        io.exflux.reactive.venue.alp.model.AlpOrderRequest both = io.exflux.reactive.venue.alp.model.AlpOrderRequest
                .marketByBase("BTC_USDT", io.exflux.reactive.venue.alp.model.AlpSide.BUY, java.math.BigDecimal.ONE);
        both = new io.exflux.reactive.venue.alp.model.AlpOrderRequest(both.pair(), both.orderType(), both.side(),
                both.walletType(), both.baseAmount(), new java.math.BigDecimal("100"), null, null, null, null, null);

        StepVerifier.create(client.rest().placeOrder(both))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("a MARKET order takes base_amount or quote_amount, not both"))
                .verify(Duration.ofSeconds(5));
        assertThat(server.requests("POST", "/api/v3/trading/order")).isEmpty();
    }

    @Test
    void marketDataMapsToTheUnifiedTypes() {
        server.route("GET", "/api/v3/ticker").respond(FakeResponse.ok(AlpDocExamples.json("rest/ticker.json")));
        server.route("GET", "/api/v3/orderbook").respond(FakeResponse.ok(AlpDocExamples.raw("rest/orderbook.json")));
        server.route("GET", "/api/v3/pairs").respond(FakeResponse.ok(AlpDocExamples.json("rest/pairs.json")));
        server.route("GET", "/api/v3/time").respond(FakeResponse.ok(AlpDocExamples.raw("rest/time.json")));
        Ticker ticker = client.ticker(BTC_USDT).block(Duration.ofSeconds(5));
        assertThat(ticker.bid()).isEqualByComparingTo("44990");
        OrderBook book = client.orderBook(BTC_USDT, 1).block(Duration.ofSeconds(5));
        assertThat(book.bids()).hasSize(1);
        assertThat(book.asks().get(0).price()).isEqualByComparingTo("45010");
        assertThat(server.requests("GET", "/api/v3/orderbook").get(0).queryParam("limit_buy")).isEqualTo("1");
        assertThat(client.pair(BTC_USDT).block(Duration.ofSeconds(5)).minNotional()).isEqualByComparingTo("10");
        StepVerifier.create(client.pair(CurrencyPair.of("NOPE", "USDT"))).expectError(NotFoundException.class).verify();
        assertThat(server.requests("GET", "/api/v3/pairs")).hasSize(1); // cached
        assertThat(client.serverTime().block(Duration.ofSeconds(5))).isEqualTo(Instant.ofEpochSecond(1630862400L));
    }

    @Test
    void ledgerAndBadIds() {
        server.route("GET", "/api/v3/accounts/activity").respond(FakeResponse.ok(AlpDocExamples.json("rest/activity.json")));
        List<LedgerEntry> ledger = client.ledger(10).collectList().block(Duration.ofSeconds(5));
        assertThat(ledger).singleElement().satisfies(e -> {
            assertThat(e.currency()).isEqualTo("USDT");
            assertThat(e.type()).isEqualTo("1");
            assertThat(e.amount()).isEqualByComparingTo("500");
        });
        StepVerifier.create(client.cancelOrders(List.of("abc"))).expectError(InvalidRequestException.class).verify();
        StepVerifier.create(client.watchOrderBook(BTC_USDT, 0)).expectError(InvalidRequestException.class).verify();
    }

    @Test
    void cancelAllOnAnUnknownPairOrANegativeIdNeverReachesTheVenue() {
        server.route("GET", "/api/v3/pairs").respond(FakeResponse.ok(AlpDocExamples.json("rest/pairs.json")));
        server.route("DELETE", "/api/v3/trading/order").respond(FakeResponse.status(202));

        StepVerifier.create(client.cancelAllOrders(io.exflux.api.model.CurrencyPair.of("NOPE", "USDT")))
                .expectError(InvalidRequestException.class)
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(client.cancelOrders(List.of("-7"))).expectError(InvalidRequestException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(server.requests("DELETE", "/api/v3/trading/order")).isEmpty();
        StepVerifier.create(client.cancelAllOrders(BTC_USDT)).verifyComplete();
        assertThat(server.requests("DELETE", "/api/v3/trading/order")).hasSize(1);
    }
}
