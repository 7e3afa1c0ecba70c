package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exflux.api.config.Credentials;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.error.UnsupportedCapabilityException;
import io.exflux.api.model.CandleInterval;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.venue.alp.model.AlpCancelRequest;
import io.exflux.reactive.venue.alp.model.AlpChartInterval;
import io.exflux.reactive.venue.alp.model.AlpOrderRequest;
import io.exflux.reactive.venue.alp.model.AlpOrderType;
import io.exflux.reactive.venue.alp.model.AlpSide;
import io.exflux.reactive.venue.alp.model.AlpWalletType;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.docs.GeneratedSection;
import io.exflux.testkit.server.FakeVenueServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.test.StepVerifier;

/**
 * Bad inputs through the public API (the unified client, its native REST client, and the options), one row each.
 * Every row is refused before anything is sent: the error is typed, arrives through the publisher (nothing is
 * thrown by the call itself), names the rule it breaks, and neither contains the secret nor spells out a
 * caller's absurd number; the loopback venue sees no request, no frame and no new connection. The market
 * list that order and pair checks need is fetched once, before the rows.
 */
class AlpBadInputsTest {

    private static final String SECRET = "CANARY-secret-9f2c";
    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");
    private static final CurrencyPair NOPE_USDT = CurrencyPair.of("NOPE", "USDT");
    private static final BigDecimal TINY = new BigDecimal("1e-999999999");
    private static final BigDecimal HUGE = new BigDecimal("1E+999999999");
    private static final String LONG_ID = "x".repeat(100_000);
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String PAIRS = "[{\"name\":\"BTC_USDT\",\"currency1\":\"BTC\",\"currency2\":\"USDT\","
            + "\"price_precision\":2,\"amount_precision\":8,\"minimum_order_size\":0.001,"
            + "\"maximum_order_size\":10.0,\"minimum_order_value\":10.0}]";

    private static FakeVenueServer server;
    private static AlpExchangeClient client;

    @BeforeAll
    static void start() {
        server = FakeVenueServer.start();
        server.route("GET", "/api/v3/pairs").respond(FakeResponse.ok(PAIRS));
        server.route("POST", "/api/v3/auth").respond(FakeResponse.ok("\"" + AlpTestJwt.withExp(4_000_000_000L, "a")
                + "\""));
        client = AlpExchangeClient.create(AlpOptions.builder().restUrl(server.baseUrl() + "/api/v3")
                .wsUrl(server.wsUrl("/ws")).credentials(Credentials.of("KEY-1", SECRET))
                .pairsCacheTtl(Duration.ofHours(1))
                .rateLimit(AlpOptions.PUBLIC_SCOPE, null).rateLimit(AlpOptions.PRIVATE_SCOPE, null).build());
        assertThat(client.pair(BTC_USDT).block(WAIT)).isNotNull(); // the market list, cached for every row
    }

    @AfterAll
    static void stop() {
        client.closeGracefully().block(WAIT);
        server.close();
    }

    /** One bad input: what is called, the error type and the words of the rule its message must contain. */
    record Bad(Class<? extends Throwable> type, String rule, Function<AlpExchangeClient, Publisher<?>> call) {
    }

    private static Arguments row(String name, String rule, Function<AlpExchangeClient, Publisher<?>> call) {
        return row(name, InvalidRequestException.class, rule, call);
    }

    private static Arguments row(String name, Class<? extends Throwable> type, String rule,
                                 Function<AlpExchangeClient, Publisher<?>> call) {
        return Arguments.of(Named.of(name, new Bad(type, rule, call)));
    }

    private static OrderRequest.Limit limit(String amount, String price) {
        return OrderRequest.limit(BTC_USDT, Side.BUY, amount == null ? null : new BigDecimal(amount),
                price == null ? null : new BigDecimal(price));
    }

    private static OrderRequest.Limit limit(BigDecimal amount, BigDecimal price) {
        return OrderRequest.limit(BTC_USDT, Side.BUY, amount, price);
    }

    private static AlpOrderRequest nativeLimit(BigDecimal amount, BigDecimal price) {
        return AlpOrderRequest.limit("BTC_USDT", AlpSide.BUY, amount, price);
    }

    static Stream<Arguments> rows() {
        BigDecimal one = BigDecimal.ONE;
        BigDecimal price = new BigDecimal("45000.00");
        return Stream.of(
                // ---- pairs: null, unknown
                row("pair(null)", "pair is required", c -> c.pair(null)),
                row("pair of an unknown market", NotFoundException.class, "no market NOPE/USDT",
                        c -> c.pair(NOPE_USDT)),
                row("ticker(null)", "pair is required", c -> c.ticker(null)),
                row("ticker of an unknown market", "unknown pair NOPE/USDT", c -> c.ticker(NOPE_USDT)),
                row("orderBook(null, 10)", "positive depth", c -> c.orderBook(null, 10)),
                row("orderBook of an unknown market", "unknown pair NOPE/USDT", c -> c.orderBook(NOPE_USDT, 10)),
                row("trades(null, 10)", "needs a pair", c -> c.trades(null, 10)),
                row("trades of an unknown market", "unknown pair NOPE/USDT", c -> c.trades(NOPE_USDT, 10)),
                row("candles of a null pair", "needs a pair", c -> c.candles(null, CandleInterval.H1, T0,
                        T0.plusSeconds(3600))),
                row("candles of an unknown market", "unknown pair NOPE/USDT", c -> c.candles(NOPE_USDT,
                        CandleInterval.H1, T0, T0.plusSeconds(3600))),
                row("openOrders of an unknown market", "unknown pair NOPE/USDT", c -> c.openOrders(NOPE_USDT)),
                row("orders of an unknown market", "unknown pair NOPE/USDT", c -> c.orders(NOPE_USDT)),
                row("myTrades of an unknown market", "unknown pair NOPE/USDT", c -> c.myTrades(NOPE_USDT, 10)),
                row("cancelAllOrders of an unknown market", "unknown pair NOPE/USDT",
                        c -> c.cancelAllOrders(NOPE_USDT)),
                row("watchOrderBook(null, 10)", "needs a pair", c -> c.watchOrderBook(null, 10)),
                row("watchOrderBook of an unknown market", "unknown pair NOPE/USDT",
                        c -> c.watchOrderBook(NOPE_USDT, 10)),
                row("watchTrades(null)", "pair is required", c -> c.watchTrades(null)),
                row("watchTicker(null)", "pair is required", c -> c.watchTicker(null)),
                row("watchOrderBookUpdates(null)", "pair is required", c -> c.watchOrderBookUpdates(null)),
                row("native orderbook of a blank symbol", "needs a pair", c -> c.rest().orderBook(" ", 5, 5)),
                row("native trades of a null symbol", "needs a pair", c -> c.rest().trades(null, 5)),
                row("native cancel by a blank pair", "needs a pair",
                        c -> c.rest().cancel(new AlpCancelRequest.ByPair(" "))),

                // ---- depths, limits, time ranges
                row("orderBook depth 0", "positive depth", c -> c.orderBook(BTC_USDT, 0)),
                row("orderBook depth -1", "positive depth", c -> c.orderBook(BTC_USDT, -1)),
                row("watchOrderBook depth 0", "positive depth", c -> c.watchOrderBook(BTC_USDT, 0)),
                row("trades limit 0", "positive limit", c -> c.trades(BTC_USDT, 0)),
                row("trades limit -5", "positive limit", c -> c.trades(BTC_USDT, -5)),
                row("myTrades limit 0", "limit must be positive", c -> c.myTrades(BTC_USDT, 0)),
                row("ledger limit -1", "limit must be positive", c -> c.ledger(-1)),
                row("ledger limit 0", "limit must be positive", c -> c.ledger(0)),
                row("native orderbook limits -1", "limits must be positive", c -> c.rest().orderBook("BTC_USDT", -1, -1)),
                row("native trades limit 0", "limit must be positive", c -> c.rest().trades("BTC_USDT", 0)),
                row("native charts limit 501 (huge)", "within 1..500", c -> c.rest().charts("BTC_USDT",
                        AlpChartInterval.H1, null, null, 501)),
                row("native charts limit Integer.MAX_VALUE", "within 1..500", c -> c.rest().charts("BTC_USDT",
                        AlpChartInterval.H1, null, null, Integer.MAX_VALUE)),
                row("native account trades limit 101", "within 1..100",
                        c -> c.rest().accountTrades("BTC_USDT", null, null, null, 101)),
                row("native activity limit 1001", "within 1..1000", c -> c.rest().activity(1001, 0)),
                row("native activity offset -1", "must not be negative", c -> c.rest().activity(10, -1)),
                row("candles from == to", "from < to", c -> c.candles(BTC_USDT, CandleInterval.H1, T0, T0)),
                row("candles from > to", "from < to", c -> c.candles(BTC_USDT, CandleInterval.H1,
                        T0.plusSeconds(60), T0)),
                row("candles without from", "from < to", c -> c.candles(BTC_USDT, CandleInterval.H1, null, T0)),
                row("candles without an interval", "an interval", c -> c.candles(BTC_USDT, null, T0,
                        T0.plusSeconds(60))),
                row("candles of an interval ALP lacks (6h)", UnsupportedCapabilityException.class, "no H6 candles",
                        c -> c.candles(BTC_USDT, CandleInterval.H6, T0, T0.plusSeconds(86_400))),
                row("native charts since after until", "since must not be after until",
                        c -> c.rest().charts("BTC_USDT", AlpChartInterval.H1, T0.plusSeconds(60), T0, 10)),

                // ---- order requests: presence, sign, precision, size, absurd exponents
                row("placeOrder(null)", "order request is null", c -> c.placeOrder(null)),
                row("limit order without a pair", "pair is required", c -> c.placeOrder(new OrderRequest.Limit(null,
                        Side.BUY, one, price, TimeInForce.GTC, false, null))),
                row("limit order without a side", "side is required", c -> c.placeOrder(new OrderRequest.Limit(
                        BTC_USDT, null, one, price, TimeInForce.GTC, false, null))),
                row("limit order on an unknown market", "unknown pair NOPE/USDT", c -> c.placeOrder(
                        OrderRequest.limit(NOPE_USDT, Side.BUY, one, price))),
                row("amount 0", "amount must be positive", c -> c.placeOrder(limit("0", "45000"))),
                row("amount -1", "amount must be positive", c -> c.placeOrder(limit("-1", "45000"))),
                row("amount missing", "amount is required", c -> c.placeOrder(limit(null, "45000"))),
                row("amount with 9 decimals", "amount 0.012345678 has 9 decimals, BTC/USDT allows 8",
                        c -> c.placeOrder(limit("0.012345678", "45000"))),
                row("amount 1e-999999999", "decimals, BTC/USDT allows 8", c -> c.placeOrder(limit(TINY, price))),
                row("amount 1E+999999999", "above the maximum order size 10", c -> c.placeOrder(limit(HUGE, price))),
                row("amount -1E+999999999", "amount must be positive", c -> c.placeOrder(limit(HUGE.negate(), price))),
                row("price 0", "price must be positive", c -> c.placeOrder(limit("0.01", "0"))),
                row("price -45000", "price must be positive", c -> c.placeOrder(limit("0.01", "-45000"))),
                row("price missing", "price is required", c -> c.placeOrder(limit("0.01", null))),
                row("price with 3 decimals", "price 45000.123 has 3 decimals, BTC/USDT allows 2",
                        c -> c.placeOrder(limit("0.01", "45000.123"))),
                row("price 1e-999999999", "decimals, BTC/USDT allows 2", c -> c.placeOrder(limit(one, TINY))),
                row("price 1E+999999999", "more than 40 digits", c -> c.placeOrder(limit(one, HUGE))),
                row("amount below the minimum size", "below the minimum order size 0.001",
                        c -> c.placeOrder(limit("0.0001", "45000"))),
                row("amount above the maximum size", "above the maximum order size 10",
                        c -> c.placeOrder(limit("11", "45000"))),
                row("value below the minimum value", "below the minimum order value 10",
                        c -> c.placeOrder(limit("0.001", "1"))),
                row("limit order without time in force", "timeInForce is required",
                        c -> c.placeOrder(limit("0.01", "45000").withTimeInForce(null))),
                row("limit order IOC (ALP is GTC only)", "GTC only", c -> c.placeOrder(limit("0.01", "45000")
                        .withTimeInForce(TimeInForce.IOC))),
                row("post-only with IOC", "postOnly needs timeInForce GTC", c -> c.placeOrder(limit("0.01", "45000")
                        .withTimeInForce(TimeInForce.IOC).withPostOnly(true))),
                row("blank client order id", "clientOrderId must not be blank",
                        c -> c.placeOrder(limit("0.01", "45000").withClientOrderId("  "))),
                row("100,000-character client order id", "client_order_id has 100000 characters, at most 64",
                        c -> c.placeOrder(limit("0.01", "45000").withClientOrderId(LONG_ID))),
                row("market order without an amount", "amount is required", c -> c.placeOrder(
                        new OrderRequest.Market(BTC_USDT, Side.BUY, null, OrderRequest.AmountUnit.QUOTE, null))),
                row("market order without an amount unit", "amount unit (BASE or QUOTE) is required",
                        c -> c.placeOrder(new OrderRequest.Market(BTC_USDT, Side.BUY, one, null, null))),
                row("market BUY sized in base", "quote amount for a market BUY",
                        c -> c.placeOrder(OrderRequest.market(BTC_USDT, Side.BUY, one))),
                row("market SELL sized in quote", "base amount for a market SELL",
                        c -> c.placeOrder(OrderRequest.marketByQuote(BTC_USDT, Side.SELL, new BigDecimal("100")))),
                row("stop-limit without a stop price", "stopPrice is required", c -> c.placeOrder(
                        OrderRequest.stopLimit(BTC_USDT, Side.BUY, one, null, price))),
                row("stop-market without a stop price", "stopPrice is required", c -> c.placeOrder(
                        OrderRequest.stopMarket(BTC_USDT, Side.SELL, one, null))),
                row("stop-limit without a trigger", "stop trigger direction is required", c -> c.placeOrder(
                        new OrderRequest.StopLimit(BTC_USDT, Side.BUY, one, price, null, price, null))),
                row("stop-market with a negative stop", "stopPrice must be positive", c -> c.placeOrder(
                        OrderRequest.stopMarket(BTC_USDT, Side.SELL, one, new BigDecimal("-1")))),
                row("market BUY of 1E+999999999 quote", "quote_amount 1E999999999 has more than 40 digits",
                        c -> c.placeOrder(OrderRequest.marketByQuote(BTC_USDT, Side.BUY, HUGE))),
                row("stop-market with stop 1E+999999999", "stop_price 1E999999999 has more than 40 digits",
                        c -> c.placeOrder(OrderRequest.stopMarket(BTC_USDT, Side.SELL, new BigDecimal("0.01"), HUGE))),
                row("native placeOrder(null)", "needs an order request", c -> c.rest().placeOrder(null)),
                row("native market order with both amounts", "base_amount or quote_amount, not both",
                        c -> c.rest().placeOrder(new AlpOrderRequest("BTC_USDT", AlpOrderType.MARKET, AlpSide.BUY,
                                AlpWalletType.SPOT, one, BigDecimal.TEN, null, null, null, null, null))),
                row("native market BUY with no amount", "quote_amount for a market BUY",
                        c -> c.rest().placeOrder(new AlpOrderRequest("BTC_USDT", AlpOrderType.MARKET, AlpSide.BUY,
                                AlpWalletType.SPOT, null, null, null, null, null, null, null))),
                row("native stop-limit without a stop", "stop_price is required",
                        c -> c.rest().placeOrder(new AlpOrderRequest("BTC_USDT", AlpOrderType.STOP_LIMIT, AlpSide.BUY,
                                AlpWalletType.SPOT, one, null, price, null, null, null, null))),
                row("native limit price 1E+999999999", "limit_price 1E999999999 has more than 40 digits",
                        c -> c.rest().placeOrder(nativeLimit(one, HUGE))),
                row("native limit amount 1e-999999999", "base_amount 1E-999999999 has more than 40 digits",
                        c -> c.rest().placeOrder(nativeLimit(TINY, price))),
                row("native 100,000-character client order id", "client_order_id has 100000 characters",
                        c -> c.rest().placeOrder(nativeLimit(one, price).withClientOrderId(LONG_ID))),

                // ---- order ids
                row("cancelOrder(null)", "at least one order id", c -> c.cancelOrder(null, BTC_USDT)),
                row("cancelOrder of a word", "positive numbers, not 'abc'", c -> c.cancelOrder("abc", BTC_USDT)),
                row("cancelOrder of a negative id", "positive numbers, not '-5'", c -> c.cancelOrder("-5", BTC_USDT)),
                row("cancelOrder of id 0", "positive numbers, not '0'", c -> c.cancelOrder("0", BTC_USDT)),
                row("cancelOrder of an id past a long", "positive numbers", c -> c.cancelOrder("99999999999999999999",
                        BTC_USDT)),
                row("cancelOrder of a 100,000-character id", "(100000 characters)", c -> c.cancelOrder(LONG_ID,
                        BTC_USDT)),
                row("cancelOrders of an empty list", "at least one order id", c -> c.cancelOrders(List.of())),
                row("cancelOrders(null)", "at least one order id", c -> c.cancelOrders(null)),
                row("cancelOrders with a null id", "orderId is required", c -> c.cancelOrders(Arrays.asList("1", null))),
                row("order(null)", "orderId is required", c -> c.order(null, BTC_USDT)),
                row("order of a negative id", "positive numbers, not '-1'", c -> c.order("-1", BTC_USDT)),
                row("order of a word", "positive numbers, not 'latest'", c -> c.order("latest", BTC_USDT)),
                row("native cancel of an empty id list", "at least one id",
                        c -> c.rest().cancel(new AlpCancelRequest.ByIds(List.of()))),
                row("native cancel of a negative id", "cancel by ids refuses -7",
                        c -> c.rest().cancel(new AlpCancelRequest.ByIds(List.of(3L, -7L)))),
                row("native cancel(null)", "needs a cancel request", c -> c.rest().cancel(null)),
                row("native orders(null) query", "needs a query", c -> c.rest().orders(null)),
                row("native findOrderByClientOrderId(null)", "needs a client order id",
                        c -> c.rest().findOrderByClientOrderId(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void isRefusedBeforeAnythingIsSent(Bad bad) {
        server.clearRecords();
        long connections = server.acceptedConnections();
        AtomicReference<Publisher<?>> publisher = new AtomicReference<>();

        assertThatCode(() -> publisher.set(bad.call().apply(client))).as("the call returns, it does not throw")
                .doesNotThrowAnyException();
        StepVerifier.create(publisher.get())
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(bad.type());
                    assertThat(error.getMessage()).contains(bad.rule())
                            .doesNotContain(SECRET)
                            .as("no number spelled out digit by digit").doesNotContainPattern("\\d{25}")
                            .hasSizeLessThan(300);
                })
                .verify(WAIT);

        assertThat(server.requests()).as("requests the venue saw").isEmpty();
        assertThat(server.frames()).as("frames the venue saw").isEmpty();
        assertThat(server.acceptedConnections()).as("connections the venue accepted").isEqualTo(connections);
    }

    @Test
    void theTableHasAtLeastSixtyRowsWithTheOptions() {
        assertThat(rows().count() + options().count()).isGreaterThanOrEqualTo(60);
    }

    /** Every row, calls and options, is a row of the table in the guide. */
    @Test
    void theGuidesTableIsTheseRows() {
        StringBuilder table = new StringBuilder("| Call | Error | The message names |\n|---|---|---|\n");
        rows().forEach(arguments -> {
            Named<?> named = (Named<?>) arguments.get()[0];
            Bad bad = (Bad) named.getPayload();
            table.append("| ").append(GeneratedSection.cell(named.getName())).append(" | ")
                    .append(bad.type().getSimpleName()).append(" | ").append(GeneratedSection.cell(bad.rule()))
                    .append(" |\n");
        });
        options().forEach(arguments -> table.append("| option: ")
                .append(GeneratedSection.cell(((Named<?>) arguments.get()[0]).getName()))
                .append(" | IllegalArgumentException from the builder | ")
                .append(GeneratedSection.cell((String) arguments.get()[1])).append(" |\n"));

        GeneratedSection.check(Path.of("..", "docs", "guide", "bad-inputs.md"), "api-alp", table.toString());
    }

    // ---------------------------------------------------------------- options

    private static final String PASSWORD = "hunter2-pw";

    private static Arguments option(String name, String rule, UnaryOperator<AlpOptions.Builder> change) {
        return Arguments.of(Named.of(name, change), rule);
    }

    static Stream<Arguments> options() {
        List<Arguments> out = new ArrayList<>(List.of(
                option("negative response timeout", "responseTimeout must be positive",
                        b -> b.responseTimeout(Duration.ofSeconds(-1))),
                option("zero connect timeout", "connectTimeout must be positive",
                        b -> b.connectTimeout(Duration.ZERO)),
                option("zero attempts", "maxAttempts must be at least 1", b -> b.maxAttempts(0)),
                option("negative attempts", "maxAttempts must be at least 1", b -> b.maxAttempts(-3)),
                option("rate limit of 0 a second", "permits must be at least 1",
                        b -> b.rateLimit(AlpOptions.PUBLIC_SCOPE, RateLimit.perSecond(0))),
                option("REST URL with a password", "restUrl must not carry credentials",
                        b -> b.restUrl("https://trader:" + PASSWORD + "@www.alp.com/api/v3")),
                option("websocket URL with a password", "wsUrl must not carry credentials",
                        b -> b.wsUrl("wss://trader:" + PASSWORD + "@www.alp.com/ws")),
                option("REST URL with a query", "restUrl must not carry a query",
                        b -> b.restUrl("https://www.alp.com/api/v3?token=" + PASSWORD)),
                option("websocket URL with a query", "wsUrl must not carry a query",
                        b -> b.wsUrl("wss://www.alp.com/ws?x=1")),
                option("REST URL over ftp", "restUrl must be an absolute https or http URL",
                        b -> b.restUrl("ftp://www.alp.com/api/v3")),
                option("relative REST URL", "restUrl must be an absolute https or http URL",
                        b -> b.restUrl("api/v3")),
                option("websocket URL over https", "wsUrl must be an absolute wss or ws URL",
                        b -> b.wsUrl("https://www.alp.com/ws")),
                option("REST URL that is no URL", "restUrl is not a URL",
                        b -> b.restUrl("https://trader:" + PASSWORD + "@www alp com")),
                option("negative pairs cache TTL", "pairsCacheTtl must not be negative",
                        b -> b.pairsCacheTtl(Duration.ofMinutes(-1))),
                option("negative token refresh margin", "tokenRefreshMargin must not be negative",
                        b -> b.tokenRefreshMargin(Duration.ofSeconds(-5))),
                option("book snapshot depth 0", "bookSnapshotDepth must be positive", b -> b.bookSnapshotDepth(0)),
                option("unknown wallet", "walletType must be a known wallet",
                        b -> b.walletType(AlpWalletType.UNKNOWN))));
        return out.stream();
    }

    /**
     * Options are plain values, checked as they are built: a bad one throws {@link IllegalArgumentException} from
     * the builder (there is no publisher yet), naming the setting, never echoing a password.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void badOptionsAreRefusedByTheBuilder(UnaryOperator<AlpOptions.Builder> change, String rule) {
        server.clearRecords();
        AlpOptions.Builder builder = AlpOptions.builder().restUrl(server.baseUrl() + "/api/v3")
                .credentials(Credentials.of("KEY-1", SECRET));

        assertThatThrownBy(() -> change.apply(builder).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(rule)
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain(PASSWORD).doesNotContain(SECRET));
        assertThat(server.requests()).isEmpty();
    }
}
