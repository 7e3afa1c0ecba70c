package io.exflux.reactive.venue.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.config.Credentials;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.InsufficientFundsException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.OrderOutcomeUnknownException;
import io.exflux.reactive.config.Backoff;
import io.exflux.api.error.PermissionDeniedException;
import io.exflux.api.error.RateLimitedException;
import io.exflux.reactive.venue.v1.model.V1ChartType;
import io.exflux.reactive.venue.v1.model.V1ExchangesQuery;
import io.exflux.reactive.venue.v1.model.V1OrderRequest;
import io.exflux.reactive.venue.v1.model.V1OrderStatus;
import io.exflux.reactive.venue.v1.model.V1OrdersQuery;
import io.exflux.reactive.venue.v1.model.V1Side;
import io.exflux.reactive.venue.v1.model.V1WithdrawStatus;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The native REST client of both venues against a scripted loopback venue: paths, parameters, signatures, errors. */
class V1RestClientTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    private FakeVenueServer server;
    private V1RestClient client;

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

    /** A client of the venue on the fake server: key {@code KEY}, secret {@code SECRET}, no rate limit, one attempt. */
    static V1Options.Builder options(V1Dialect dialect, FakeVenueServer server) {
        return V1Options.builder(dialect).restUrl(server.baseUrl() + "/api")
                .credentials(Credentials.of("KEY", "SECRET")).maxAttempts(1)
                .rateLimit(V1Options.PUBLIC_SCOPE, null).rateLimit(V1Options.PRIVATE_SCOPE, null);
    }

    private V1RestClient client(V1Options.Builder options) {
        client = new V1RestClient(options.build());
        return client;
    }

    private void answer(String method, String path, V1Dialect dialect, String example) {
        server.route(method, path).respond(FakeResponse.ok(V1Examples.raw(dialect, example)));
    }

    private RecordedRequest only(String method, String path) {
        List<RecordedRequest> seen = server.requests(method, path);
        assertThat(seen).hasSize(1);
        return seen.get(0);
    }

    @Test
    void btcAlphaPublicEndpointsSendEveryDocumentedParameterUnsigned() {
        V1Dialect venue = V1Dialect.BTC_ALPHA;
        V1RestClient rest = client(options(venue, server));
        answer("GET", "/api/v1/currencies/", venue, "currencies");
        answer("GET", "/api/v1/pairs/", venue, "pairs");
        answer("GET", "/api/v1/orders/", venue, "orders");
        answer("GET", "/api/v1/orderbook/", venue, "orderbook");
        answer("GET", "/api/v1/exchanges/", venue, "exchanges");
        answer("GET", "/api/charts/BTC_USD/60/chart", venue, "charts");

        assertThat(rest.currencies().collectList().block(WAIT)).hasSize(2);
        assertThat(rest.pairs("BTC", "USD").blockFirst(WAIT).name()).isEqualTo("BTC_USD");
        assertThat(rest.orders(new V1OrdersQuery(V1Side.SELL, "BTC_USD", V1OrderStatus.DONE, 5)).blockFirst(WAIT).id())
                .isEqualTo(11259);
        assertThat(rest.orderBook("BTC_USD", 1, 2, true).block(WAIT).sell()).hasSize(1);
        assertThat(rest.exchanges(V1ExchangesQuery.of("BTC_USD", 10)).blockFirst(WAIT).id()).isEqualTo(6030);
        assertThat(rest.charts("BTC_USD", V1ChartType.H1, 1, Instant.ofEpochSecond(100), Instant.ofEpochSecond(200))
                .blockFirst(WAIT).time()).isEqualTo(Instant.ofEpochSecond(1485777600L));

        assertThat(only("GET", "/api/v1/pairs/").query()).containsEntry("currency1", List.of("BTC"))
                .containsEntry("currency2", List.of("USD"));
        assertThat(only("GET", "/api/v1/orders/").rawQuery()).isEqualTo("type=sell&pair=BTC_USD&status=3&limit=5");
        assertThat(only("GET", "/api/v1/orderbook/").rawQuery())
                .isEqualTo("pair=BTC_USD&limit_bids=1&limit_asks=2&group=1");
        assertThat(only("GET", "/api/v1/exchanges/").rawQuery()).isEqualTo("pair=BTC_USD&limit=10");
        assertThat(only("GET", "/api/charts/BTC_USD/60/chart").rawQuery()).isEqualTo("limit=1&since=100&until=200");
        server.requests().forEach(r -> assertThat(r.header("X-SIGN")).as("public calls are not signed").isNull());
    }

    @Test
    void bitexbitPrivateEndpointsAreSignedAndSendEveryDocumentedParameter() {
        V1Dialect venue = V1Dialect.BITEXBIT;
        V1RestClient rest = client(options(venue, server));
        answer("GET", "/api/v1/wallets/", venue, "wallets");
        answer("GET", "/api/v1/orders/own/", venue, "orders-own");
        answer("GET", "/api/v1/order/11259/", venue, "order");
        answer("GET", "/api/v1/orderbook/BTC_USD/", venue, "orderbook-grouped");
        answer("GET", "/api/v1/exchanges/own/", venue, "exchanges");
        answer("GET", "/api/v1/deposits/", venue, "deposits");
        answer("GET", "/api/v1/withdraws/", venue, "withdraws");
        answer("POST", "/api/v1/order/", venue, "order-create");
        answer("POST", "/api/v1/order-cancel/", venue, "order-cancel");

        assertThat(rest.wallets("BTC").blockFirst(WAIT).currency()).isEqualTo("BTC");
        assertThat(rest.ownOrders(new V1OrdersQuery(V1Side.BUY, "ETH_USD", V1OrderStatus.ACTIVE, 10)).blockFirst(WAIT)
                .pair()).isEqualTo("ETH_USD");
        assertThat(rest.order(11259).block(WAIT).status()).isEqualTo(V1OrderStatus.ACTIVE);
        assertThat(rest.orderBook("BTC_USD", 3, 4, true).block(WAIT).grouped()).isTrue();
        assertThat(rest.ownExchanges(new V1ExchangesQuery(V1Side.SELL, "BTC_USD", 50, 100, true)).blockFirst(WAIT)
                .type()).isEqualTo(V1Side.SELL);
        assertThat(rest.deposits().blockFirst(WAIT).amount()).isEqualByComparingTo("530");
        assertThat(rest.withdraws("BTC", V1WithdrawStatus.VERIFIED).blockFirst(WAIT).status())
                .isEqualTo(V1WithdrawStatus.VERIFIED);
        assertThat(rest.placeOrder(new V1OrderRequest(V1Side.BUY, "BTC_USD", new BigDecimal("1.0"),
                new BigDecimal("870.69"))).block(WAIT).oid()).isEqualTo(11268);
        assertThat(rest.cancelOrder(63568).block(WAIT).order()).isEqualTo(63568);

        assertThat(only("GET", "/api/v1/wallets/").rawQuery()).isEqualTo("currency_id=BTC");
        assertThat(only("GET", "/api/v1/orders/own/").rawQuery()).isEqualTo("type=buy&pair=ETH_USD&status=1&limit=10");
        assertThat(only("GET", "/api/v1/orderbook/BTC_USD/").rawQuery()).isEqualTo("limit_sell=3&limit_buy=4&group=1");
        assertThat(only("GET", "/api/v1/exchanges/own/").rawQuery())
                .isEqualTo("type=sell&pair=BTC_USD&limit=50&offset=100&ordering=id");
        assertThat(only("GET", "/api/v1/withdraws/").rawQuery()).isEqualTo("currency_id=BTC&status=20");
        assertThat(only("GET", "/api/v1/orderbook/BTC_USD/").header("X-SIGN")).isNull();
        server.requests().stream().filter(r -> !r.path().startsWith("/api/v1/orderbook")).forEach(r -> {
            assertThat(r.header("X-KEY")).isEqualTo("KEY");
            assertThat(r.header("X-NONCE")).matches("\\d+");
            assertThat(r.header("X-SIGN")).matches("[0-9a-f]{64}");
        });
    }

    /** The documents' three check values (key {@code KEY}, secret {@code SECRET}) as the venue receives them. */
    @Test
    void theThreeCheckValuesOnTheWire() {
        V1RestClient rest = client(options(V1Dialect.BTC_ALPHA, server));
        answer("POST", "/api/v1/order/", V1Dialect.BTC_ALPHA, "order-create");
        answer("POST", "/api/v1/order-cancel/", V1Dialect.BTC_ALPHA, "order-cancel");
        answer("GET", "/api/v1/wallets/", V1Dialect.BTC_ALPHA, "wallets");

        rest.placeOrder(new V1OrderRequest(V1Side.BUY, "BTC_USD", new BigDecimal("1.0"), new BigDecimal("870.69")))
                .block(WAIT);
        rest.cancelOrder(63568).block(WAIT);
        rest.wallets(null).blockLast(WAIT);

        RecordedRequest place = only("POST", "/api/v1/order/");
        assertThat(place.bodyAsString()).isEqualTo("amount=1.0&pair=BTC_USD&price=870.69&type=buy");
        assertThat(place.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(place.header("X-SIGN")).isEqualTo("79e66cef4da7752544b7b078f60e884a5e754649bc3122b475705f2b11623c41");
        RecordedRequest cancel = only("POST", "/api/v1/order-cancel/");
        assertThat(cancel.bodyAsString()).isEqualTo("order=63568");
        assertThat(cancel.header("X-SIGN")).isEqualTo("5bb8b6d6422529e1b17c6f23255cff8469be1ff0bd175ad8c2d0818c1a5155a2");
        assertThat(only("GET", "/api/v1/wallets/").header("X-SIGN"))
                .isEqualTo("34d70abd5a877bae7798ca9719003a7afc2c5ff0bfb7100431c282afeca9bc8e");
    }

    /** The venue refuses a nonce not above the last it saw: 64 concurrent private calls on one key all pass. */
    @Test
    void sixtyFourConcurrentPrivateCallsReachTheVenueInNonceOrder() {
        AtomicLong last = new AtomicLong();
        String wallets = V1Examples.raw(V1Dialect.BITEXBIT, "wallets");
        server.route("GET", "/api/v1/wallets/").respondWith(request -> {
            long nonce = Long.parseLong(request.header("X-NONCE"));
            synchronized (last) {
                if (nonce <= last.get()) {
                    return FakeResponse.json(400, "{\"error\":\"nonce must be greater then nonce in previous call\"}");
                }
                last.set(nonce);
            }
            return FakeResponse.ok(wallets);
        });
        V1RestClient rest = client(options(V1Dialect.BITEXBIT, server));

        List<Long> counts = Flux.range(0, 64).flatMap(i -> rest.wallets(null).count(), 64).collectList().block(WAIT);

        assertThat(counts).hasSize(64).containsOnly(1L);
        List<Long> nonces = server.requests("GET", "/api/v1/wallets/").stream()
                .map(r -> Long.parseLong(r.header("X-NONCE"))).toList();
        assertThat(nonces).hasSize(64).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void anAbsurdExponentIsRefusedWithoutBeingSpelledOut() {
        V1RestClient rest = client(options(V1Dialect.BTC_ALPHA, server));
        StepVerifier.create(rest.placeOrder(new V1OrderRequest(V1Side.BUY, "BTC_USD", new BigDecimal("0.01"),
                        new BigDecimal("1E+999999999"))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("price 1E999999999 has more than 40 digits before or after the point")
                        .message().hasSizeLessThan(300)).verify(WAIT);
        StepVerifier.create(rest.placeOrder(new V1OrderRequest(V1Side.SELL, "BTC_USD", new BigDecimal("1E-999999999"),
                        new BigDecimal("30000"))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("amount 1E-999999999 has more than 40 digits")).verify(WAIT);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void badInputFailsBeforeSendingAndNamesTheRule() {
        V1RestClient rest = client(options(V1Dialect.BTC_ALPHA, server));
        StepVerifier.create(rest.placeOrder(new V1OrderRequest(V1Side.BUY, "BTC_USD", BigDecimal.ZERO, BigDecimal.ONE)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("amount must be positive")).verify(WAIT);
        StepVerifier.create(rest.placeOrder(new V1OrderRequest(V1Side.UNKNOWN, "BTC-USD", BigDecimal.ONE,
                        new BigDecimal("-1"))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("type must be buy or sell").hasMessageContaining("such as BTC_USD")
                        .hasMessageContaining("price must be positive")).verify(WAIT);
        StepVerifier.create(rest.cancelOrder(0)).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("positive number")).verify(WAIT);
        StepVerifier.create(rest.orderBook("BTC/USD", null, null, false)).expectError(InvalidRequestException.class)
                .verify(WAIT);
        StepVerifier.create(rest.exchanges(new V1ExchangesQuery(null, null, null, 5, null)))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("no offset or ordering")).verify(WAIT);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void privateCallsWithoutCredentialsFailBeforeSending() {
        V1RestClient rest = client(options(V1Dialect.BTC_ALPHA, server).credentials(null));
        StepVerifier.create(rest.wallets(null)).expectError(AuthenticationException.class).verify(WAIT);
        StepVerifier.create(rest.cancelOrder(5)).expectError(AuthenticationException.class).verify(WAIT);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void theVenuesAnswersBecomeTypedErrors() {
        V1RestClient rest = client(options(V1Dialect.BITEXBIT, server));
        server.route("POST", "/api/v1/order/").respond(
                FakeResponse.json(400, "{\"date\":1570599531.48,\"error\":\"Out of balance -9.99243661 BTC\"}"),
                FakeResponse.status(502));
        server.route("POST", "/api/v1/order-cancel/").respond(FakeResponse.json(403, "{\"error\":\"not yours\"}"));
        server.route("GET", "/api/v1/deposits/").respond(FakeResponse.tooManyRequests("1"));
        V1OrderRequest order = new V1OrderRequest(V1Side.SELL, "BTC_USD", BigDecimal.TEN, BigDecimal.ONE);

        StepVerifier.create(rest.placeOrder(order)).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(InsufficientFundsException.class).hasMessageContaining("Out of balance")).verify(WAIT);
        StepVerifier.create(rest.placeOrder(order)).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(OrderOutcomeUnknownException.class)).verify(WAIT);
        StepVerifier.create(rest.cancelOrder(7)).expectError(PermissionDeniedException.class).verify(WAIT);
        StepVerifier.create(rest.deposits()).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(RateLimitedException.class)
                .satisfies(r -> assertThat(((ExchangeException) r).isTransient()).isTrue())).verify(WAIT);
        assertThat(server.requests("POST", "/api/v1/order/")).as("a placement is never sent twice").hasSize(2);
    }

    @Test
    void anAnswerCutShortIsSentAgainForAQueryAndAnUnknownOutcomeForAPlacement() {
        V1Dialect venue = V1Dialect.BITEXBIT;
        V1RestClient rest = client(options(venue, server).maxAttempts(3)
                .backoff(Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(5))));
        String currencies = V1Examples.raw(venue, "currencies");
        server.route("GET", "/api/v1/currencies/").respond(FakeResponse.ok(currencies).cutShort(),
                FakeResponse.ok(currencies));
        server.route("POST", "/api/v1/order/").respond(FakeResponse.ok("{\"success\":true,\"oid\":1}").cutShort());

        assertThat(rest.currencies().collectList().block(WAIT)).isNotEmpty();
        assertThat(server.requests("GET", "/api/v1/currencies/")).hasSize(2);
        StepVerifier.create(rest.placeOrder(new V1OrderRequest(V1Side.SELL, "BTC_USD", BigDecimal.TEN, BigDecimal.ONE)))
                .expectError(OrderOutcomeUnknownException.class).verify(WAIT);
        assertThat(server.requests("POST", "/api/v1/order/")).as("never sent twice").hasSize(1);
    }

    @Test
    void anAnswerOfTheWrongShapeIsAProtocolError() {
        V1RestClient rest = client(options(V1Dialect.BTC_ALPHA, server));
        server.route("GET", "/api/v1/currencies/").respond(FakeResponse.ok("{\"not\":\"a list\"}"));
        StepVerifier.create(rest.currencies()).expectError(io.exflux.api.error.ProtocolException.class).verify(WAIT);
    }

    /**
     * The wallets, read without a tree when they read, fail as every other answer does where they do not: the
     * shape's error naming the field, the unreadable body's error naming the call, the oversized body's.
     */
    @Test
    void wrongOrUnreadableWalletsFailAsProtocolErrorsThatSayWhy() {
        V1RestClient rest = client(options(V1Dialect.BTC_ALPHA, server).http(io.exflux.reactive.config.HttpOptions
                .builder().maxResponseBodySize(256).build()));
        server.route("GET", "/api/v1/wallets/").respond(
                FakeResponse.ok("[{\"currency\":\"BTC\",\"balance\":\"0.5\",\"reserve\":\"0.1\"}]"),
                FakeResponse.ok("[{\"currency\":\"BTC\",\"balance\":\"0.5\"}]"),
                FakeResponse.ok("[{\"currency\":\"BTC\",\"balance\":\"0.5\",\"reserve\":"),
                FakeResponse.ok("[" + "{\"currency\":\"BTC\",\"balance\":1,\"reserve\":1},".repeat(10) + "]"));

        assertThat(rest.wallets(null).collectList().block(WAIT)).containsExactly(
                new io.exflux.reactive.venue.v1.model.V1Wallet("BTC", new BigDecimal("0.5"), new BigDecimal("0.1")));
        StepVerifier.create(rest.wallets(null)).expectErrorSatisfies(error -> assertThat(error)
                .isInstanceOf(io.exflux.api.error.ProtocolException.class)
                .hasMessage("btc-alpha answered in a shape the document does not have: field 'reserve' is missing"))
                .verify(WAIT);
        StepVerifier.create(rest.wallets(null)).expectErrorSatisfies(error -> assertThat(error)
                .isInstanceOf(io.exflux.api.error.ProtocolException.class)
                .hasMessage("could not read the answer to GET /v1/wallets/ as JsonNode")).verify(WAIT);
        StepVerifier.create(rest.wallets(null)).expectErrorSatisfies(error -> assertThat(error)
                .isInstanceOf(io.exflux.api.error.ProtocolException.class)
                .hasMessageContaining("over the limit of 256 bytes")).verify(WAIT);
    }

    /** Two clients of one key on one {@code ClientResources} share its nonces and its nonce order. */
    @Test
    void twoClientsOfOneKeyStayInNonceOrderTogether() {
        server.route("GET", "/api/v1/deposits/").respond(FakeResponse.ok("[]"));
        io.exflux.reactive.ClientResources shared = io.exflux.reactive.ClientResources.create();
        V1RestClient first = new V1RestClient(options(V1Dialect.BITEXBIT, server).resources(shared).build());
        V1RestClient second = new V1RestClient(options(V1Dialect.BITEXBIT, server).resources(shared).build());
        try {
            Flux.range(0, 64).flatMap(i -> (i % 2 == 0 ? first : second).deposits().then(), 64).blockLast(WAIT);
        } finally {
            shared.shutdown().block(WAIT);
        }
        List<Long> nonces = server.requests("GET", "/api/v1/deposits/").stream()
                .map(r -> Long.parseLong(r.header("X-NONCE"))).toList();
        assertThat(nonces).hasSize(64).isSorted().doesNotHaveDuplicates();
    }
}
