package io.exflux.reactive.venue.btse;

import static io.exflux.reactive.venue.btse.BtseWsScriptedVenue.BOOK_PATH;
import static io.exflux.reactive.venue.btse.BtseWsScriptedVenue.MAIN_PATH;
import static io.exflux.reactive.venue.btse.BtseWsScriptedVenue.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.Capability;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Fill;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.Side;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.TimeInForce;
import io.exflux.api.model.Trade;
import io.exflux.reactive.venue.btse.internal.BtseWsFrames;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.WsSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The unified {@code watch*} streams of {@link BtseExchangeClient} against a scripted loopback BTSE. */
class BtseWatchTest extends BtseWsLoopbackTest {

    private static final CurrencyPair BTC_USD = CurrencyPair.of("BTC", "USD");

    private BtseExchangeClient client;

    @Override
    Mono<Void> closeClient() {
        return client == null ? Mono.empty() : client.closeGracefully();
    }

    private BtseExchangeClient client() {
        BtseWire.markets(venue.server);
        client = BtseExchangeClient.create(BtseWire.options(venue.server, resources)
                .wsUrl(venue.mainUrl()).orderBookWsUrl(venue.bookUrl())
                .streamOptions(options().build().streamOptions()).build());
        return client;
    }

    @Test
    void capabilitiesNameTheStreamsBtseServes() {
        assertThat(client().capabilities().supports(Capability.WATCH_ORDER_BOOK)).isTrue();
        assertThat(client.capabilities().supports(Capability.WATCH_TRADES)).isTrue();
        assertThat(client.capabilities().supports(Capability.WATCH_TICKER)).isTrue();
        assertThat(client.capabilities().supports(Capability.WATCH_ORDERS)).isTrue();
        assertThat(client.capabilities().supports(Capability.WATCH_FILLS)).isTrue();
        assertThat(client.capabilities().supports(Capability.WATCH_BALANCES)).isFalse();
    }

    @Test
    void watchOrderBookKeepsTheVenuesBookAcrossAGapAndADrop() {
        List<OrderBook> books = collect(client().watchOrderBook(BTC_USD, 10));
        await("first book", () -> !books.isEmpty());
        venue.broadcast(BOOK_PATH, venue.delta(true, "99.5", "3"));
        venue.delta(false, "101.0", "0"); // lost
        venue.broadcast(BOOK_PATH, venue.delta(false, "103.0", "1"));
        await("book after the gap", () -> last(books).asks().size() == 1
                && last(books).asks().get(0).price().compareTo(new BigDecimal("103.0")) == 0);
        // a change the client never gets as a delta: only the snapshot after the reconnect carries it. Made before
        // the drop, not after: the client reconnects within milliseconds, often before the test thread runs again
        venue.delta(true, "98.0", "7");
        venue.server.sessions().stream().filter(s -> s.path().equals(BOOK_PATH)).forEach(WsSession::drop);
        await("stale book shown during the drop", () -> books.stream().anyMatch(OrderBook::stale));
        assertThat(books.stream().filter(OrderBook::stale)).allMatch(book -> book.bids().size() == 2);
        await("fresh book after the reconnect", () -> !last(books).stale() && last(books).bids().size() == 3);
        assertThat(last(books).bids()).extracting(level -> level.price().toPlainString())
                .containsExactly("100.0", "99.5", "98.0");
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    @Test
    void aMarketBtseDoesNotListFailsBeforeSubscribing() {
        StepVerifier.create(client().watchOrderBook(CurrencyPair.of("NOPE", "USD"), 5))
                .expectError(InvalidRequestException.class).verify(Duration.ofSeconds(10));
        assertThat(venue.bookFrames).isEmpty();
    }

    @Test
    void watchTradesBackFillsFromRestAfterAReconnect() {
        venue.server.route("GET", BtseWire.API + "trades").respond(FakeResponse.ok("["
                + trade(3, 1700000000003L) + "," + trade(2, 1700000000002L) + "," + trade(1, 1700000000001L) + "]"));
        List<Trade> trades = collect(client().watchTrades(BTC_USD));
        await("trade subscription", () -> venue.topics.values().stream()
                .anyMatch(topics -> topics.contains("tradeHistoryApi:BTC-USD")));
        venue.broadcast(MAIN_PATH, liveTrade(1, 1700000000001L));
        await("live trade", () -> trades.size() == 1);
        venue.server.sessions().stream().filter(s -> s.path().equals(MAIN_PATH)).forEach(WsSession::drop);
        await("back-fill", () -> trades.size() == 3);
        venue.broadcast(MAIN_PATH, liveTrade(4, 1700000000004L));
        await("live again", () -> trades.size() == 4);
        assertThat(trades).extracting(Trade::id).containsExactly("1", "2", "3", "4");
        assertThat(trades.get(0).takerSide()).isEqualTo(Side.SELL);
    }

    @Test
    void theRecentTradesBtseSendsNewestFirstDoNotRunTheStreamBackwards() {
        List<Trade> trades = collect(client().watchTrades(BTC_USD));
        await("trade subscription", () -> venue.topics.values().stream()
                .anyMatch(topics -> topics.contains("tradeHistoryApi:BTC-USD")));
        // the first frame of a subscription: recent trades, newest first
        venue.broadcast(MAIN_PATH, liveTrades(new long[] {12, 11, 10},
                new long[] {1700000000012L, 1700000000011L, 1700000000010L}));
        venue.broadcast(MAIN_PATH, liveTrade(13, 1700000000013L));
        await("live trade", () -> trades.stream().anyMatch(t -> t.id().equals("13")));
        assertThat(trades).extracting(Trade::id).containsExactly("12", "13");
    }

    @Test
    void aBackFillWithinOneMillisecondOrdersTradesByNumberNotByText() {
        long millis = 1700000000000L;
        venue.server.route("GET", BtseWire.API + "trades").respond(FakeResponse.ok("["
                + trade(1000, millis) + "," + trade(999, millis) + "," + trade(998, millis) + "]"));
        List<Trade> trades = collect(client().watchTrades(BTC_USD));
        await("trade subscription", () -> venue.topics.values().stream()
                .anyMatch(topics -> topics.contains("tradeHistoryApi:BTC-USD")));
        venue.broadcast(MAIN_PATH, liveTrade(998, millis));
        await("live trade", () -> trades.size() == 1);
        venue.server.sessions().stream().filter(s -> s.path().equals(MAIN_PATH)).forEach(WsSession::drop);
        await("back-fill", () -> trades.size() == 3);
        assertThat(trades).extracting(Trade::id).containsExactly("998", "999", "1000");
    }

    private static String liveTrades(long[] ids, long[] millis) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            data.append(i == 0 ? "" : ",").append("{\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"size\":0.01,")
                    .append("\"price\":36000.5,\"tradeId\":").append(ids[i]).append(",\"timestamp\":")
                    .append(millis[i]).append('}');
        }
        return "{\"topic\":\"tradeHistoryApi:BTC-USD\",\"data\":[" + data + "]}";
    }

    private static String trade(long id, long millis) {
        return "{\"price\":36000.5,\"size\":0.01,\"side\":\"SELL\",\"symbol\":\"BTC-USD\",\"serialId\":" + id
                + ",\"timestamp\":" + millis + "}";
    }

    private static String liveTrade(long id, long millis) {
        return "{\"topic\":\"tradeHistoryApi:BTC-USD\",\"data\":[{\"symbol\":\"BTC-USD\",\"side\":\"SELL\","
                + "\"size\":0.01,\"price\":36000.5,\"tradeId\":" + id + ",\"timestamp\":" + millis + "}]}";
    }

    @Test
    void watchTickerShowsTheL1BestBidAndAsk() {
        List<Ticker> tickers = collect(client().watchTicker(BTC_USD));
        await("L1 subscription", () -> venue.bookFrames.contains("{\"op\":\"subscribe\",\"args\":[\"snapshotL1:BTC-USD\"]}"));
        venue.broadcast(BOOK_PATH, BtseWsFrames.frame("snapshot-l1.json"));
        await("ticker", () -> !tickers.isEmpty());
        assertThat(tickers.get(0).bid()).isEqualByComparingTo("28016.7");
        assertThat(tickers.get(0).ask()).isEqualByComparingTo("28033.6");
    }

    @Test
    void anOrderThatFinishedWhileTheSocketWasAwayShowsItsFinalStateAfterTheReLogin() {
        venue.server.route("GET", BtseWire.API + "user/open_orders").respond(FakeResponse.ok("[]"));
        venue.server.route("POST", BtseWire.API + "order").respond(orderRow(2));
        venue.server.route("GET", BtseWire.API + "order").respond(orderRow(6));
        List<Order> orders = collect(client().watchOrders());
        await("private subscription", () -> venue.topics.values().stream()
                .anyMatch(topics -> topics.contains("notificationApiV2")));
        Order placed = client.placeOrder(new OrderRequest.Limit(BTC_USD, Side.BUY, new BigDecimal("0.002"),
                new BigDecimal("8500"), TimeInForce.GTC, false, "mine")).block(BtseWire.WAIT);
        assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
        // cancelled at the venue while the logged-in socket is away: no notification carries it
        venue.server.sessions().stream().filter(s -> s.path().equals(MAIN_PATH)).forEach(WsSession::drop);
        await("final state after the re-login", () -> orders.stream().anyMatch(o -> o.id().equals("o-1")
                && o.status() == OrderStatus.CANCELED));
        assertThat(venue.server.requests("GET", BtseWire.API + "order").get(0).queryParam("orderID"))
                .isEqualTo("o-1");
    }

    private static FakeResponse orderRow(int status) {
        return FakeResponse.ok("[{\"status\":" + status + ",\"symbol\":\"BTC-USD\",\"orderType\":76,"
                + "\"price\":8500,\"side\":\"BUY\",\"size\":0.002,\"orderID\":\"o-1\",\"message\":\"\","
                + "\"clOrderID\":\"mine\",\"timestamp\":" + System.currentTimeMillis() + "}]");
    }

    @Test
    void fillsMadeWhileTheSocketWasAwayArriveOnceAndInOrderAfterTheReLogin() {
        long t = System.currentTimeMillis();
        venue.server.route("GET", BtseWire.API + "user/open_orders").respond(FakeResponse.ok("[]"));
        // the account's history, newest first: fill 1 came on the socket, 2 and 3 while it was away
        venue.server.route("GET", BtseWire.API + "user/trade_history").respond(FakeResponse.ok("["
                + historyFill(3, t + 3) + "," + historyFill(2, t + 2) + "," + historyFill(1, t + 1) + "]"));
        List<Fill> fills = collect(client().watchFills());
        await("fills subscription", () -> venue.topics.values().stream().anyMatch(topics -> topics.contains("fills")));
        venue.broadcast(MAIN_PATH, liveFill(1, t + 1));
        await("live fill", () -> fills.size() == 1);

        venue.server.sessions().stream().filter(s -> s.path().equals(MAIN_PATH)).forEach(WsSession::drop);
        await("resync after the re-login", () -> fills.size() == 3);
        venue.broadcast(MAIN_PATH, liveFill(3, t + 3));
        venue.broadcast(MAIN_PATH, liveFill(4, t + 4));
        await("live again", () -> fills.stream().anyMatch(f -> f.id().equals("4")));

        assertThat(fills).extracting(Fill::id).containsExactly("1", "2", "3", "4");
        assertThat(fills.get(1).orderId()).isEqualTo("o-1");
        assertThat(fills.get(1).price()).isEqualByComparingTo("8500");
        assertThat(venue.server.requests("GET", BtseWire.API + "user/trade_history")).singleElement()
                .satisfies(history -> {
                    assertThat(history.queryParam("symbol")).isEqualTo("BTC-USD");
                    assertThat(history.queryParam("startTime")).as("from the last fill delivered")
                            .isEqualTo(Long.toString(t + 1));
                });
    }

    @Test
    void aFullPageOfFillsAnnouncesTheGapItCannotCover() {
        long t = System.currentTimeMillis();
        venue.server.route("GET", BtseWire.API + "user/open_orders").respond(FakeResponse.ok("[]"));
        StringBuilder page = new StringBuilder("[");
        for (int id = 1_000; id > 1_000 - BtseExchangeClient.FILLS_BACKFILL_PAGE; id--) {
            page.append(page.length() == 1 ? "" : ",").append(historyFill(id, t + id));
        }
        venue.server.route("GET", BtseWire.API + "user/trade_history").respond(FakeResponse.ok(page + "]"));
        List<io.exflux.api.stream.ConnectionEvent> events = collect(client().connectionEvents());
        List<Fill> fills = collect(client.watchFills());
        await("fills subscription", () -> venue.topics.values().stream().anyMatch(topics -> topics.contains("fills")));
        venue.broadcast(MAIN_PATH, liveFill(1, t + 1));
        await("live fill", () -> fills.size() == 1);

        venue.server.sessions().stream().filter(s -> s.path().equals(MAIN_PATH)).forEach(WsSession::drop);
        await("the page delivered", () -> fills.size() == 1 + BtseExchangeClient.FILLS_BACKFILL_PAGE);
        assertThat(events).filteredOn(e -> e instanceof io.exflux.api.stream.ConnectionEvent.Gap).singleElement()
                .satisfies(e -> {
                    io.exflux.api.stream.ConnectionEvent.Gap gap = (io.exflux.api.stream.ConnectionEvent.Gap) e;
                    assertThat(gap.topic()).isEqualTo("fills");
                    assertThat(gap.fromId()).isEqualTo("1");
                    assertThat(gap.toId()).isEqualTo("501");
                });
    }

    private static String historyFill(long id, long millis) {
        return "{\"tradeId\":\"" + id + "\",\"orderId\":\"o-1\",\"clOrderID\":\"mine\",\"side\":\"BUY\","
                + "\"orderType\":76,\"price\":8500,\"size\":0.002,\"filledPrice\":8500,\"filledSize\":0.001,"
                + "\"base\":\"BTC\",\"quote\":\"USD\",\"symbol\":\"BTC-USD\",\"feeCurrency\":\"BTC\","
                + "\"feeAmount\":0.000001,\"serialId\":" + id + ",\"timestamp\":" + millis + "}";
    }

    private static String liveFill(long id, long millis) {
        return "{\"topic\":\"fills\",\"data\":[{\"orderId\":\"o-1\",\"serialId\":" + id + ",\"clOrderId\":\"mine\","
                + "\"type\":76,\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"price\":8500,\"size\":0.001,"
                + "\"feeAmount\":0.000001,\"feeCurrency\":\"BTC\",\"base\":\"BTC\",\"quote\":\"USD\","
                + "\"maker\":true,\"timestamp\":" + millis + ",\"tradeId\":\"" + id + "\"}]}";
    }

    @Test
    void watchOrdersAndWatchFillsMapTheNotifications() {
        venue.server.route("GET", BtseWire.API + "user/open_orders").respond(FakeResponse.ok("[]"));
        List<Order> orders = collect(client().watchOrders());
        List<Fill> fills = collect(client.watchFills());
        await("private subscriptions", () -> venue.topics.values().stream()
                .anyMatch(topics -> topics.contains("notificationApiV2") && topics.contains("fills")));
        venue.broadcast(MAIN_PATH, BtseWsFrames.frame("notification-v2.json"));
        venue.broadcast(MAIN_PATH, BtseWsFrames.frame("fills-strings.json"));
        await("order and fill", () -> orders.size() == 1 && fills.size() == 1);
        Order order = orders.get(0);
        assertThat(order.id()).isEqualTo("7d1a0d9e-1b3c-4d8e-9f51-0c7e0a9d3b11");
        assertThat(order.clientOrderId()).isEqualTo("my-order-1");
        assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(order.type()).isEqualTo(OrderType.LIMIT);
        assertThat(order.price()).isEqualByComparingTo("8500");
        assertThat(order.amount()).isEqualByComparingTo("0.002");
        Fill fill = fills.get(0);
        assertThat(fill.pair()).isEqualTo(BTC_USD);
        assertThat(fill.price()).isEqualByComparingTo("8499.5");
        assertThat(fill.fee()).isEqualByComparingTo("0.0085");
        assertThat(fill.maker()).isFalse();
    }
}
