package io.exflux.reactive.venue.v1;

import static io.exflux.reactive.venue.v1.V1Dialect.BITEXBIT;
import static io.exflux.reactive.venue.v1.V1Dialect.BTC_ALPHA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.ExchangeProvider;
import io.exflux.reactive.Exchanges;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.engineio.Framing;
import io.exflux.reactive.venue.v1.internal.V1Codec;
import io.exflux.reactive.venue.v1.internal.V1Events;
import io.exflux.reactive.venue.v1.internal.V1Mapper;
import io.exflux.reactive.venue.v1.internal.V1Signature;
import io.exflux.reactive.venue.v1.model.V1BookEvent;
import io.exflux.reactive.venue.v1.model.V1ChartType;
import io.exflux.reactive.venue.v1.model.V1ExchangesQuery;
import io.exflux.reactive.venue.v1.model.V1OrderRequest;
import io.exflux.reactive.venue.v1.model.V1OrderStatus;
import io.exflux.reactive.venue.v1.model.V1OrdersQuery;
import io.exflux.reactive.venue.v1.model.V1Side;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * One test per contradiction in the two v1 documents, each showing the choice {@code docs/venues/v1.md} records
 * (BTC-Alpha 1 to 14, bitexbit 1 to 11, numbered as there).
 */
class V1InconsistenciesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String GET_CHECK_VALUE = "34d70abd5a877bae7798ca9719003a7afc2c5ff0bfb7100431c282afeca9bc8e";
    private static ClientResources resources;

    private FakeVenueServer server;
    private V1RestClient client;

    @BeforeAll
    static void shared() {
        resources = ClientResources.create();
    }

    @AfterAll
    static void closeShared() {
        resources.shutdown().block(WAIT);
    }

    @BeforeEach
    void start() {
        server = FakeVenueServer.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.disposeLater().block(WAIT);
        }
        server.close();
    }

    private V1RestClient client(V1Options.Builder options) {
        client = new V1RestClient(options.resources(resources).build());
        return client;
    }

    private V1RestClient client(V1Dialect dialect) {
        return client(V1RestClientTest.options(dialect, server));
    }

    private void answer(String method, String path, V1Dialect dialect, String example) {
        server.route(method, path).respond(FakeResponse.ok(V1Examples.raw(dialect, example)));
    }

    private RecordedRequest only(String method, String path) {
        assertThat(server.requests(method, path)).hasSize(1);
        return server.requests(method, path).get(0);
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ BTC-Alpha

    /** 1: {@code bids} holds sell orders and {@code asks} buy orders; the user sees them as asks and bids. */
    @Test
    void alpha01_invertedBookKeysBecomeAsksAndBids() {
        OrderBook book = V1Mapper.orderBook(CurrencyPair.of("BTC", "USD"),
                V1Codec.orderBook(V1Examples.tree(BTC_ALPHA, "orderbook")), Instant.EPOCH);
        assertThat(book.asks().get(0).price()).isEqualByComparingTo("911.519");
        assertThat(book.bids().get(0).price()).isEqualByComparingTo("911.122");
        assertThat(book.bids().get(0).price()).isLessThan(book.asks().get(0).price());
    }

    /** 2: BTC-Alpha's book is at {@code /v1/orderbook/?pair=}; the later path form is a setting. */
    @Test
    void alpha02_bookRouteQueryByDefault_pathAsASetting() {
        answer("GET", "/api/v1/orderbook/", BTC_ALPHA, "orderbook");
        answer("GET", "/api/v1/orderbook/ETH_BTC/", BTC_ALPHA, "orderbook");
        client(BTC_ALPHA).orderBook("BTC_USD", 5, null, false).block(WAIT);
        client.disposeLater().block(WAIT);
        client(V1RestClientTest.options(BTC_ALPHA, server).bookRoute(V1Dialect.BookRoute.PATH))
                .orderBook("ETH_BTC", 5, null, false).block(WAIT);
        assertThat(only("GET", "/api/v1/orderbook/").rawQuery()).isEqualTo("pair=BTC_USD&limit_bids=5");
        assertThat(only("GET", "/api/v1/orderbook/ETH_BTC/").rawQuery()).isEqualTo("limit_sell=5");
    }

    /** 3: "engine.io" is taken at its word for BTC-Alpha (bare messages); socket.io is a setting. */
    @Test
    void alpha03_bareEngineIoByDefault_socketIoAsASetting() {
        assertThat(V1StreamClient.transport(V1Options.defaults(BTC_ALPHA)).framing()).isEqualTo(Framing.ENGINE_IO);
        assertThat(V1StreamClient.transport(V1Options.builder(BTC_ALPHA).socketFlavour(V1SocketFlavour.SOCKET_IO)
                .build()).framing()).isEqualTo(Framing.SOCKET_IO);
    }

    /** 4: the new-order payload names no pair: it goes to the connection's only book channel, which names it. */
    @Test
    void alpha04_newOrderWithoutPairTakesTheChannels() {
        JsonNode payload = V1Examples.tree(BTC_ALPHA, "ws-new-order");
        assertThat(V1Events.router().route(null, List.of(payload), Set.of("book_BTC_USD"))).contains("book_BTC_USD");
        V1BookEvent event = V1Codec.bookEvent(payload);
        assertThat(event.pair()).isNull();
        assertThat(event.withPair("BTC_USD").pair()).isEqualTo("BTC_USD");
    }

    /**
     * 5: BTC-Alpha's own number, 1 call a second for every call: private calls draw from the public limit (one
     * scope, as the venue counts them); the limit is a setting.
     */
    @Test
    void alpha05_oneCallASecond() {
        V1Options alpha = V1Options.defaults(BTC_ALPHA);
        assertThat(alpha.rateLimit(V1Options.PUBLIC_SCOPE)).contains(RateLimit.perSecond(1));
        assertThat(alpha.rateLimit(V1Options.PRIVATE_SCOPE)).as("no limit of their own").isEmpty();
        assertThat(BTC_ALPHA.privateCallsSharePublicLimit()).isTrue();
        assertThat(alpha.mutate().rateLimit(V1Options.PUBLIC_SCOPE, RateLimit.perSecond(2)).build()
                .rateLimit(V1Options.PUBLIC_SCOPE)).contains(RateLimit.perSecond(2));
    }

    /** 6: a GET signs the key alone, even with query parameters; the nonce is sent, not signed. */
    @Test
    void alpha06_getSignsTheKeyAlone_notTheNonce() {
        answer("GET", "/api/v1/wallets/", BTC_ALPHA, "wallets");
        V1RestClient rest = client(BTC_ALPHA);
        rest.wallets("BTC").blockLast(WAIT);
        rest.wallets(null).blockLast(WAIT);
        List<RecordedRequest> seen = server.requests("GET", "/api/v1/wallets/");
        assertThat(seen).extracting(r -> r.header("X-SIGN")).containsOnly(GET_CHECK_VALUE);
        assertThat(seen.get(0).header("X-NONCE")).isNotEqualTo(seen.get(1).header("X-NONCE"));
    }

    /** 7: parameters are encoded as Python's urlencode does (space {@code +}, {@code *} encoded, {@code ~} kept). */
    @Test
    void alpha07_pythonUrlencode() {
        byte[] body = V1Signature.body(Map.of("pair", "A B*~'"), false);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("pair=A+B%2A~%27");
    }

    /** 8: the Python snippets send no form data; we send the parameters as the body, exactly the signed text. */
    @Test
    void alpha08_theFormIsSentAndIsWhatIsSigned() {
        answer("POST", "/api/v1/order-cancel/", BTC_ALPHA, "order-cancel");
        client(BTC_ALPHA).cancelOrder(63568).block(WAIT);
        RecordedRequest cancel = only("POST", "/api/v1/order-cancel/");
        assertThat(cancel.bodyAsString()).isEqualTo("order=63568");
        assertThat(cancel.header("X-SIGN"))
                .isEqualTo(new V1Signature("KEY", "SECRET".getBytes(StandardCharsets.UTF_8)).signText("order=63568"));
    }

    /** 9: {@code status} is read from a number and from a numeric string alike. */
    @Test
    void alpha09_statusNumberOrString() {
        String order = "{\"id\":1,\"pair\":\"BTC_USD\",\"type\":\"buy\",\"price\":1,\"amount\":1,\"status\":%s}";
        assertThat(V1Codec.order(json(order.formatted("3"))).status()).isEqualTo(V1OrderStatus.DONE);
        assertThat(V1Codec.order(json(order.formatted("\"3\""))).status()).isEqualTo(V1OrderStatus.DONE);
    }

    /** 10: trade prices and amounts arrive as strings or numbers; both read exactly. */
    @Test
    void alpha10_decimalsFromStringsOrNumbers() {
        String trade = "{\"tid\":1,\"type\":\"buy\",\"price\":%s,\"amount\":%s,\"o_id\":2}";
        assertThat(V1Codec.trade(json(trade.formatted("\"936.00\"", "\"0.1\""))).price()).isEqualByComparingTo("936");
        assertThat(V1Codec.trade(json(trade.formatted("936.00", "0.1"))).amount()).isEqualByComparingTo("0.1");
    }

    /** 11: the public list of all orders goes unsigned; one order is the caller's own and is signed. */
    @Test
    void alpha11_publicOrdersUnsigned_singleOrderSigned() {
        answer("GET", "/api/v1/orders/", BTC_ALPHA, "orders");
        answer("GET", "/api/v1/order/11259/", BTC_ALPHA, "order");
        V1RestClient rest = client(BTC_ALPHA);
        rest.orders(V1OrdersQuery.ALL).blockLast(WAIT);
        rest.order(11259).block(WAIT);
        assertThat(only("GET", "/api/v1/orders/").header("X-SIGN")).isNull();
        assertThat(only("GET", "/api/v1/order/11259/").header("X-SIGN")).isEqualTo(GET_CHECK_VALUE);
    }

    /** 12: charts live beside {@code /v1/}, and the one-minute type stays. */
    @Test
    void alpha12_chartsOutsideV1_withTheMinuteType() {
        answer("GET", "/api/charts/BTC_USD/1/chart", BTC_ALPHA, "charts");
        assertThat(client(BTC_ALPHA).charts("BTC_USD", V1ChartType.M1, null, null, null).collectList().block(WAIT))
                .hasSize(1);
        assertThat(only("GET", "/api/charts/BTC_USD/1/chart").rawQuery()).isEmpty();
    }

    /** 13: exchanges send only the limit asked for; offset and ordering exist on bitexbit only. */
    @Test
    void alpha13_exchangesPagingOnBitexbitOnly() {
        assertThat(BTC_ALPHA.exchangesDefaultLimit()).isEqualTo(2000);
        assertThat(BITEXBIT.exchangesDefaultLimit()).isEqualTo(100);
        StepVerifier.create(client(BTC_ALPHA).exchanges(new V1ExchangesQuery(null, null, null, null, false)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("no offset or ordering")).verify(WAIT);
        assertThat(server.requests()).isEmpty();
    }

    /** 14: float seconds become exact instants (microseconds kept, never through double). */
    @Test
    void alpha14_floatSecondsExactly() {
        assertThat(V1Codec.deposit(V1Examples.tree(BTC_ALPHA, "deposits").get(0)).timestamp())
                .isEqualTo(Instant.ofEpochSecond(1485363039L, 183_590_000L));
        assertThat(V1Codec.placedOrder(V1Examples.tree(BTC_ALPHA, "order-create")).date())
                .isEqualTo(Instant.ofEpochSecond(1483721079L, 516_320_000L));
    }

    // ------------------------------------------------------------------ bitexbit

    /** 1: the title says "bitextbit"; the venue is {@code bitexbit} everywhere. */
    @Test
    void bitexbit01_theVenuesName() {
        ExchangeProvider provider = Exchanges.provider("bitexbit");
        assertThat(provider.venue()).isEqualTo("bitexbit");
        assertThat(provider.options(Map.of())).isInstanceOfSatisfying(V1Options.class,
                options -> assertThat(options.dialect()).isEqualTo(BITEXBIT));
    }

    /** 2: currencies come from {@code /v1/currencies/}, as the code samples say, not the heading's {@code /pairs/}. */
    @Test
    void bitexbit02_currenciesPath() {
        answer("GET", "/api/v1/currencies/", BITEXBIT, "currencies");
        assertThat(client(BITEXBIT).currencies().collectList().block(WAIT)).hasSize(2);
        assertThat(server.requests("GET", "/api/v1/pairs/")).isEmpty();
    }

    /** 3: the table's {@code limit_sell}/{@code limit_buy} are sent (not the examples' bids/asks). */
    @Test
    void bitexbit03_tableLimitNames() {
        answer("GET", "/api/v1/orderbook/BTC_USD/", BITEXBIT, "orderbook");
        assertThat(client(BITEXBIT).orderBook("BTC_USD", 1, 1, false).block(WAIT).sell()).hasSize(1);
        assertThat(only("GET", "/api/v1/orderbook/BTC_USD/").rawQuery()).isEqualTo("limit_sell=1&limit_buy=1");
    }

    /** 4: socket.io at {@code /socket.io/} with engine.io 3 by default; 4 is a setting. */
    @Test
    void bitexbit04_socketIoEngineIo3ByDefault() {
        assertThat(V1StreamClient.transport(V1Options.defaults(BITEXBIT)).framing()).isEqualTo(Framing.SOCKET_IO);
        assertThat(V1StreamClient.transport(V1Options.defaults(BITEXBIT)).websocketUri(BITEXBIT.defaultWsUrl()))
                .hasToString("wss://bitexbit.com/socket.io/?EIO=3&transport=websocket");
        assertThat(V1StreamClient.transport(V1Options.builder(BITEXBIT).engineIoVersion(4).build())
                .websocketUri(BITEXBIT.defaultWsUrl()).getQuery()).isEqualTo("EIO=4&transport=websocket");
    }

    /** 5: HMAC-SHA256 keyed with the secret as given (a {@code %} stays), over key and parameters. */
    @Test
    void bitexbit05_hmacKeyedWithTheRawSecret() throws Exception {
        String secret = "Z%2abc";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("KEYorder=1".getBytes(StandardCharsets.UTF_8)));
        assertThat(new V1Signature("KEY", secret.getBytes(StandardCharsets.UTF_8)).signText("order=1"))
                .isEqualTo(expected);
    }

    /** 6: with a JSON body the signature is still over the sorted urlencoded parameters. */
    @Test
    void bitexbit06_jsonBodySignedAsTheForm() {
        answer("POST", "/api/v1/order/", BITEXBIT, "order-create");
        client(V1RestClientTest.options(BITEXBIT, server).bodyFormat(V1BodyFormat.JSON))
                .placeOrder(new V1OrderRequest(V1Side.BUY, "BTC_USD", new BigDecimal("1.0"), new BigDecimal("870.69")))
                .block(WAIT);
        RecordedRequest place = only("POST", "/api/v1/order/");
        assertThat(place.header("Content-Type")).startsWith("application/json");
        assertThat(json(place.bodyAsString())).isEqualTo(json(
                "{\"amount\":\"1.0\",\"pair\":\"BTC_USD\",\"price\":\"870.69\",\"type\":\"buy\"}"));
        assertThat(place.header("X-SIGN")).isEqualTo("79e66cef4da7752544b7b078f60e884a5e754649bc3122b475705f2b11623c41");
    }

    /** 7: the broken withdraws snippet: withdraws are signed like every private GET. */
    @Test
    void bitexbit07_withdrawsSignedLikeEveryGet() {
        answer("GET", "/api/v1/withdraws/", BITEXBIT, "withdraws");
        client(BITEXBIT).withdraws(null, null).blockLast(WAIT);
        assertThat(only("GET", "/api/v1/withdraws/").header("X-SIGN")).isEqualTo(GET_CHECK_VALUE);
    }

    /** 8: one order is signed (the caller's own); the order book is public and unsigned. */
    @Test
    void bitexbit08_orderSigned_bookNot() {
        answer("GET", "/api/v1/order/7/", BITEXBIT, "order");
        answer("GET", "/api/v1/orderbook/BTC_USD/", BITEXBIT, "orderbook");
        V1RestClient rest = client(BITEXBIT);
        rest.order(7).block(WAIT);
        rest.orderBook("BTC_USD", null, null, false).block(WAIT);
        assertThat(only("GET", "/api/v1/order/7/").header("X-KEY")).isEqualTo("KEY");
        assertThat(only("GET", "/api/v1/orderbook/BTC_USD/").header("X-KEY")).isNull();
    }

    /** 9: {@code oid} is the cancelled order; {@code cancel_order_id} is kept beside it; {@code success} is kept. */
    @Test
    void bitexbit09_cancelOidIsTheOrder() {
        V1BookEvent.Cancel cancel = (V1BookEvent.Cancel) V1Codec.bookEvent(V1Examples.tree(BITEXBIT, "ws-cancel"));
        assertThat(cancel.oid()).isEqualTo(15235);
        assertThat(cancel.cancelOrderId()).isEqualTo(4535L);
        assertThat(cancel.success()).isTrue();
        assertThat(V1Mapper.bookUpdate(CurrencyPair.of("BTC", "USD"), cancel).asks())
                .singleElement().satisfies(level -> assertThat(level.amount()).isEqualByComparingTo("-0.0123"));
    }

    /** 10: bitexbit has no public order list: asking for it fails before sending. */
    @Test
    void bitexbit10_noPublicOrderList() {
        StepVerifier.create(client(BITEXBIT).orders(V1OrdersQuery.ALL))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("no public order list")).verify(WAIT);
        assertThat(server.requests()).isEmpty();
    }

    /** 11: 2 private calls a second per API key, 100 public calls a second. */
    @Test
    void bitexbit11_twoPrivateAHundredPublic() {
        V1Options bitexbit = V1Options.defaults(BITEXBIT);
        assertThat(bitexbit.rateLimit(V1Options.PRIVATE_SCOPE)).contains(RateLimit.perSecond(2));
        assertThat(bitexbit.rateLimit(V1Options.PUBLIC_SCOPE)).contains(RateLimit.perSecond(100));
        assertThat(RateLimit.isPublicScope(V1Options.PRIVATE_SCOPE)).as("counted per API key").isFalse();
    }
}
