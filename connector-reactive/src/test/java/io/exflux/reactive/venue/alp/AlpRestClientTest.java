package io.exflux.reactive.venue.alp;

import io.exflux.reactive.config.Backoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.config.Credentials;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.InsufficientFundsException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.error.OrderOutcomeUnknownException;
import io.exflux.api.error.PermissionDeniedException;
import io.exflux.api.error.RateLimitedException;
import io.exflux.api.error.RequestTimeoutException;
import io.exflux.reactive.internal.auth.JcaHmac;
import io.exflux.reactive.venue.alp.model.AlpCancelRequest;
import io.exflux.reactive.venue.alp.model.AlpChartInterval;
import io.exflux.reactive.venue.alp.model.AlpOrderRequest;
import io.exflux.reactive.venue.alp.model.AlpSide;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The native REST client against a scripted loopback venue: URLs, headers, bodies, auth and error handling. */
class AlpRestClientTest {

    private static final String SECRET = "SECRET";
    private static final String TOKEN = AlpTestJwt.withExp(4_000_000_000L, "one");

    private FakeVenueServer server;
    private AlpRestClient client;

    @BeforeEach
    void start() {
        server = FakeVenueServer.start();
        client = new AlpRestClient(options());
        server.route("POST", "/api/v3/auth").respond(FakeResponse.ok("\"" + TOKEN + "\""));
    }

    private AlpOptions options() {
        return AlpOptions.builder().restUrl(server.baseUrl() + "/api/v3")
                .credentials(Credentials.of("KEY", SECRET)).backoff(Backoff.equalJitter(Duration.ofMillis(10), Duration.ofSeconds(5)))
                .rateLimit(AlpOptions.PUBLIC_SCOPE, null).rateLimit(AlpOptions.PRIVATE_SCOPE, null).build();
    }

    @AfterEach
    void stop() {
        client.dispose();
        server.close();
    }

    @Test
    void publicEndpointsReadTheDocumentsExamples() {
        server.route("GET", "/api/v3/time").respond(FakeResponse.ok(AlpDocExamples.raw("rest/time.json")));
        server.route("GET", "/api/v3/currency-rates").respond(FakeResponse.ok(AlpDocExamples.raw("rest/currency-rates.json")));
        server.route("GET", "/api/v3/currencies").respond(FakeResponse.ok(AlpDocExamples.json("rest/currencies.json")));
        server.route("GET", "/api/v3/pairs").respond(FakeResponse.ok(AlpDocExamples.json("rest/pairs.json")));
        server.route("GET", "/api/v3/ticker").respond(FakeResponse.ok(AlpDocExamples.json("rest/ticker.json")));
        server.route("GET", "/api/v3/orderbook").respond(FakeResponse.ok(AlpDocExamples.raw("rest/orderbook.json")));
        server.route("GET", "/api/v3/charts").respond(FakeResponse.ok(AlpDocExamples.json("rest/charts.json")));
        server.route("GET", "/api/v3/trades").respond(FakeResponse.ok(AlpDocExamples.json("rest/trades.json")));

        assertThat(client.time().block().serverTime()).isEqualTo(Instant.ofEpochSecond(1630862400L));
        assertThat(client.currencyRates().block()).containsKeys("BTC", "ETH", "USDT");
        assertThat(client.currencies().collectList().block()).hasSize(1);
        assertThat(client.pairs("BTC", null).collectList().block()).hasSize(1);
        assertThat(client.ticker("BTC_USDT").blockFirst().pair()).isEqualTo("BTC_USDT");
        assertThat(client.orderBook("BTC_USDT", 5, 7).block().buy()).hasSize(2);
        assertThat(client.charts("BTC_USDT", AlpChartInterval.D1, Instant.ofEpochSecond(100), null, 10)
                .collectList().block()).hasSize(1);
        assertThat(client.trades("BTC_USDT", 10).collectList().block()).hasSize(1);

        assertThat(server.requests("GET", "/api/v3/pairs").get(0).queryParam("currency1")).isEqualTo("BTC");
        assertThat(server.requests("GET", "/api/v3/pairs").get(0).queryParam("currency2")).isNull();
        RecordedRequest book = server.requests("GET", "/api/v3/orderbook").get(0);
        assertThat(book.rawQuery()).isEqualTo("pair=BTC_USDT&limit_buy=5&limit_sell=7");
        assertThat(book.header("Authorization")).isNull();
        RecordedRequest charts = server.requests("GET", "/api/v3/charts").get(0);
        assertThat(charts.rawQuery()).isEqualTo("pair=BTC_USDT&interval=1D&since=100&limit=10");
        assertThat(server.requests("POST", "/api/v3/auth")).isEmpty();
    }

    @Test
    void privateCallsCarryTheBearerTokenAndGetsNoSignature() {
        server.route("GET", "/api/v3/accounts/balances").respond(FakeResponse.ok(AlpDocExamples.json("rest/balances.json")));
        server.route("GET", "/api/v3/accounts/accounts").respond(FakeResponse.ok(AlpDocExamples.json("rest/accounts.json")));
        server.route("GET", "/api/v3/accounts/feeinfo").respond(FakeResponse.ok(AlpDocExamples.json("rest/feeinfo.json")));
        server.route("GET", "/api/v3/accounts/order").respond(FakeResponse.ok(AlpDocExamples.json("rest/orders.json")));
        server.route("GET", "/api/v3/accounts/trades").respond(FakeResponse.ok(AlpDocExamples.json("rest/account-trades.json")));
        server.route("GET", "/api/v3/accounts/activity").respond(FakeResponse.ok(AlpDocExamples.json("rest/activity.json")));

        assertThat(client.balances().collectList().block()).hasSize(1);
        assertThat(client.accounts(true).collectList().block()).hasSize(1);
        assertThat(client.feeInfo().collectList().block()).hasSize(1);
        assertThat(client.orders(AlpOrdersQuery.open("BTC_USDT")).collectList().block()).hasSize(1);
        assertThat(client.accountTrades("BTC_USDT", AlpSide.BUY, Instant.ofEpochSecond(10), Instant.ofEpochSecond(20), 50)
                .collectList().block()).hasSize(1);
        assertThat(client.activity(100, 5).collectList().block()).hasSize(1);

        RecordedRequest balances = server.requests("GET", "/api/v3/accounts/balances").get(0);
        assertThat(balances.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(balances.header("X-SIGN")).isNull();
        assertThat(server.requests("GET", "/api/v3/accounts/accounts").get(0).queryParam("include_subaccounts"))
                .isEqualTo("true");
        assertThat(server.requests("GET", "/api/v3/accounts/order").get(0).rawQuery())
                .isEqualTo("pair=BTC_USDT&open_only=true");
        assertThat(server.requests("GET", "/api/v3/accounts/trades").get(0).rawQuery())
                .isEqualTo("pair=BTC_USDT&side=BUY&start_time=10&end_time=20&limit=50");
        assertThat(server.requests("GET", "/api/v3/accounts/activity").get(0).rawQuery()).isEqualTo("limit=100&offset=5");
        assertThat(server.requests("POST", "/api/v3/auth")).hasSize(1);
        RecordedRequest auth = server.requests("POST", "/api/v3/auth").get(0);
        assertThat(auth.bodyAsString()).isEqualTo("{\"api_key\":\"KEY\",\"api_secret\":\"SECRET\"}");
        assertThat(auth.header("X-SIGN")).isEqualTo(JcaHmac.hex("HmacSHA256", SECRET, auth.body()));
    }

    @Test
    void tokenAsTextPlainIsAcceptedToo() {
        server.route("POST", "/api/v3/auth").respond(FakeResponse.text(200, TOKEN));
        server.route("GET", "/api/v3/accounts/balances").respond(FakeResponse.ok("[]"));
        FakeVenueServer other = server;
        assertThat(client.balances().collectList().block()).isEmpty();
        assertThat(other.requests("GET", "/api/v3/accounts/balances").get(0).header("Authorization"))
                .isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void concurrentPrivateCallsFetchOneToken() {
        server.route("GET", "/api/v3/accounts/balances").respond(FakeResponse.ok("[]"));
        Flux.range(0, 8).flatMap(i -> client.balances().collectList()).blockLast();
        assertThat(server.requests("POST", "/api/v3/auth")).hasSize(1);
        assertThat(server.requests("GET", "/api/v3/accounts/balances")).hasSize(8);
    }

    @Test
    void a401DropsTheTokenAndResendsOnceWithAFreshOne() {
        String second = AlpTestJwt.withExp(4_000_000_000L, "two");
        server.route("POST", "/api/v3/auth").respond(FakeResponse.ok("\"" + TOKEN + "\""),
                FakeResponse.ok("\"" + second + "\""));
        server.route("POST", "/api/v3/trading/order").respond(
                FakeResponse.json(401, "{\"code\":\"UNAUTHORIZED\",\"message\":\"token expired\"}"),
                FakeResponse.ok("[34]"));
        List<Long> ids = client.placeOrder(AlpOrderRequest.limit("BTC_USDT", AlpSide.BUY, BigDecimal.ONE,
                new BigDecimal("45000.00"))).block();
        assertThat(ids).containsExactly(34L);
        List<RecordedRequest> posts = server.requests("POST", "/api/v3/trading/order");
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(posts.get(1).header("Authorization")).isEqualTo("Bearer " + second);
        // the resend is a new attempt: signed again, over the same bytes
        posts.forEach(post -> assertThat(post.header("X-SIGN")).isEqualTo(JcaHmac.hex("HmacSHA256", SECRET, post.body())));
    }

    @Test
    void aPlacementThatNeverLeftBecauseNoTokenCameIsThePlainErrorNotAnUnknownOutcome() {
        server.route("POST", "/api/v3/auth").respond(FakeResponse.status(503));
        StepVerifier.create(client.placeOrder(AlpOrderRequest.limit("BTC_USDT", AlpSide.BUY, BigDecimal.ONE,
                        BigDecimal.TEN).withClientOrderId("mine-4")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ExchangeUnavailableException.class)
                        .isNotInstanceOf(OrderOutcomeUnknownException.class).hasMessageContaining("/auth"))
                .verify();
        assertThat(server.requests("POST", "/api/v3/trading/order")).isEmpty();
    }

    @Test
    void twoConsecutive401sAreAnAuthenticationError() {
        server.route("GET", "/api/v3/accounts/balances").respond(
                FakeResponse.json(401, "{\"code\":\"INVALID_SECRET\",\"message\":\"bad\"}"));
        StepVerifier.create(client.balances()).expectError(AuthenticationException.class).verify();
        assertThat(server.requests("GET", "/api/v3/accounts/balances")).hasSize(2);
    }

    @Test
    void placeOrderSignsTheExactBodyBytesItSends() {
        server.route("POST", "/api/v3/trading/order").respond(FakeResponse.ok(AlpDocExamples.raw("rest/place-order-response.json")));
        client.placeOrder(AlpOrderRequest.marketByQuote("BTC_USDT", AlpSide.BUY, new BigDecimal("100.00"))
                .withClientOrderId("c-1")).block();
        RecordedRequest post = server.requests("POST", "/api/v3/trading/order").get(0);
        assertThat(post.bodyAsString()).isEqualTo("{\"pair\":\"BTC_USDT\",\"order_type\":\"MARKET\",\"order_side\":\"BUY\","
                + "\"wallet_type\":\"SPOT\",\"quote_amount\":\"100.00\",\"client_order_id\":\"c-1\"}");
        assertThat(post.header("X-SIGN")).isEqualTo(JcaHmac.hex("HmacSHA256", SECRET, post.body()));
        assertThat(post.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void cancelByIdsAllAndPair() {
        server.route("DELETE", "/api/v3/trading/order").respond(
                FakeResponse.ok(AlpDocExamples.raw("rest/cancel-by-ids-response.json")),
                FakeResponse.status(202), FakeResponse.status(202));
        assertThat(client.cancel(new AlpCancelRequest.ByIds(List.of(1L, 5L, 8L))).block())
                .containsEntry("8", "order not found");
        assertThat(client.cancel(new AlpCancelRequest.All()).block()).isEmpty();
        assertThat(client.cancel(new AlpCancelRequest.ByPair("BTC_USDT")).block()).isEmpty();
        List<RecordedRequest> deletes = server.requests("DELETE", "/api/v3/trading/order");
        assertThat(deletes).extracting(RecordedRequest::bodyAsString).containsExactly("{\"order_ids\":[1,5,8]}",
                "{\"all\":true}", "{\"pair\":\"BTC_USDT\"}");
        deletes.forEach(d -> assertThat(d.header("X-SIGN")).isEqualTo(JcaHmac.hex("HmacSHA256", SECRET, d.body())));
    }

    @Test
    void idempotentCallsAreRetriedOnTransientFailures() {
        server.route("GET", "/api/v3/ticker").respond(FakeResponse.status(503), FakeResponse.reset(),
                FakeResponse.ok(AlpDocExamples.json("rest/ticker.json")));
        assertThat(client.ticker(null).collectList().block()).hasSize(1);
        assertThat(server.requests("GET", "/api/v3/ticker")).hasSize(3);
    }

    @Test
    void anAnswerCutShortIsSentAgainForAQueryAndAnUnknownOutcomeForAPlacement() {
        String ticker = AlpDocExamples.json("rest/ticker.json");
        server.route("GET", "/api/v3/ticker").respond(FakeResponse.ok(ticker).cutShort(), FakeResponse.ok(ticker));
        assertThat(client.ticker(null).collectList().block()).hasSize(1);
        assertThat(server.requests("GET", "/api/v3/ticker")).hasSize(2);

        server.route("POST", "/api/v3/trading/order").respond(FakeResponse.ok("[1]").cutShort(), FakeResponse.ok("[1]"));
        StepVerifier.create(client.placeOrder(AlpOrderRequest.limit("BTC_USDT", AlpSide.BUY, BigDecimal.ONE,
                BigDecimal.TEN))).expectError(OrderOutcomeUnknownException.class).verify();
        assertThat(server.requests("POST", "/api/v3/trading/order")).as("never sent twice").hasSize(1);
    }

    @Test
    void orderPlacementIsNeverRetried() {
        server.route("POST", "/api/v3/trading/order").respond(FakeResponse.status(503), FakeResponse.ok("[1]"));
        StepVerifier.create(client.placeOrder(AlpOrderRequest.limit("BTC_USDT", AlpSide.BUY, BigDecimal.ONE,
                BigDecimal.TEN))).expectError(OrderOutcomeUnknownException.class).verify();
        server.route("DELETE", "/api/v3/trading/order").respond(FakeResponse.reset(), FakeResponse.status(202));
        StepVerifier.create(client.cancel(new AlpCancelRequest.All())).expectError(ExchangeUnavailableException.class)
                .verify();
        assertThat(server.requests("POST", "/api/v3/trading/order")).hasSize(1);
        assertThat(server.requests("DELETE", "/api/v3/trading/order")).hasSize(1);
    }

    @Test
    void anAmbiguous503OnPlacementIsAnUnknownOutcomeCarryingTheRequestAndItsClientOrderId() {
        server.route("POST", "/api/v3/trading/order").respond(FakeResponse.status(503));
        server.route("GET", "/api/v3/accounts/order").respond(FakeResponse.ok(AlpDocExamples.json("rest/orders.json")));
        AlpOrderRequest request = AlpOrderRequest.limit("BTC_USDT", AlpSide.BUY, BigDecimal.ONE, BigDecimal.TEN)
                .withClientOrderId("mine-1");
        StepVerifier.create(client.placeOrder(request)).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOfSatisfying(OrderOutcomeUnknownException.class, unknown -> {
                    assertThat(unknown.clientOrderId()).isEqualTo("mine-1");
                    assertThat(unknown.sentRequest()).isEqualTo(request.toString());
                    assertThat(unknown.request()).isNull();
                    assertThat(unknown.isTransient()).isFalse();
                    assertThat(unknown.httpStatus()).isEqualTo(503);
                    assertThat(unknown.getCause()).isInstanceOf(ExchangeUnavailableException.class);
                })
                .hasMessageContaining("may exist").hasMessageContaining("mine-1")).verify();
        // the documented orders carry no client_order_id: looked up, nothing found, never sent again
        assertThat(server.requests("GET", "/api/v3/accounts/order")).hasSize(1);
        assertThat(server.requests("POST", "/api/v3/trading/order")).hasSize(1);
    }

    @Test
    void aTimedOutPlacementWithoutAClientOrderIdIsAnUnknownOutcomeWithoutALookup() {
        server.route("POST", "/api/v3/trading/order").respond(FakeResponse.stall());
        AlpRestClient impatient = new AlpRestClient(options().mutate().responseTimeout(Duration.ofSeconds(1)).build());
        try {
            StepVerifier.create(impatient.placeOrder(AlpOrderRequest.limit("BTC_USDT", AlpSide.BUY, BigDecimal.ONE,
                            BigDecimal.TEN)))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(OrderOutcomeUnknownException.class,
                            unknown -> {
                                assertThat(unknown.clientOrderId()).isNull();
                                assertThat(unknown.getCause()).isInstanceOf(RequestTimeoutException.class);
                            }))
                    .verify();
        } finally {
            impatient.dispose();
        }
        assertThat(server.requests("GET", "/api/v3/accounts/order")).isEmpty();
        assertThat(server.requests("POST", "/api/v3/trading/order")).hasSize(1);
    }

    @Test
    void aRefusedPlacementIsItsPlainTypedError() {
        server.route("POST", "/api/v3/trading/order").respond(
                FakeResponse.json(400, "{\"code\":\"1003\",\"message\":\"invalid order amount\"}"));
        StepVerifier.create(client.placeOrder(AlpOrderRequest.limit("BTC_USDT", AlpSide.BUY, BigDecimal.ONE,
                        BigDecimal.TEN).withClientOrderId("mine-3")))
                .expectErrorSatisfies(e -> assertThat(e).isExactlyInstanceOf(InvalidRequestException.class)
                        .extracting("context.venueCode").isEqualTo("1003"))
                .verify();
        assertThat(server.requests("GET", "/api/v3/accounts/order")).isEmpty();
    }

    @Test
    void anAmbiguousPlacementIsResolvedWhereTheOrdersEchoTheClientOrderId() {
        server.route("POST", "/api/v3/trading/order").respond(FakeResponse.status(502));
        server.route("GET", "/api/v3/accounts/order").respond(FakeResponse.ok(
                "[{\"id\":77,\"pair\":\"BTC_USDT\",\"side\":\"BID\",\"status\":\"OPEN\",\"type\":\"LIMIT\","
                        + "\"client_order_id\":\"mine-1\"}]"),
                FakeResponse.ok("[]"));
        AlpOrderRequest request = AlpOrderRequest.limit("BTC_USDT", AlpSide.BUY, BigDecimal.ONE, BigDecimal.TEN);
        assertThat(client.placeOrder(request.withClientOrderId("mine-1")).block()).containsExactly(77L);
        StepVerifier.create(client.placeOrder(request.withClientOrderId("mine-2")))
                .expectError(OrderOutcomeUnknownException.class).verify();
        assertThat(server.requests("POST", "/api/v3/trading/order")).hasSize(2);
    }

    @Test
    void anUnknownApiKeyIsAnAuthenticationErrorWhetherAuthAnswers401Or404() {
        server.route("POST", "/api/v3/auth").respond(
                FakeResponse.json(401, "{\"code\":\"UNAUTHORIZED\",\"message\":\"api key not found\"}"),
                FakeResponse.json(404, "{\"code\":\"NOT_FOUND\",\"message\":\"api key not found\"}"));
        StepVerifier.create(client.balances()).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(AuthenticationException.class).extracting("context.httpStatus").isEqualTo(401)).verify();
        StepVerifier.create(client.balances()).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(AuthenticationException.class).extracting("context.httpStatus").isEqualTo(404)).verify();
        assertThat(server.requests("GET", "/api/v3/accounts/balances")).isEmpty();
    }

    @Test
    void errorBodiesBecomeTypedErrors() {
        server.route("GET", "/api/v3/trades").respond(
                FakeResponse.json(400, "{\"code\":\"BAD_REQUEST\",\"message\":\"pair not found\"}"),
                FakeResponse.json(400, "{\"code\":1003,\"message\":\"invalid order amount\"}"),
                FakeResponse.json(400, "{\"formErrors\":{\"pair\":[\"required\"]}}"),
                FakeResponse.json(400, "{\"code\":\"INSUFFICIENT_FUNDS\",\"message\":\"no money\"}"),
                FakeResponse.json(403, "{\"code\":\"IP_NOT_ALLOWED\",\"message\":\"ip\"}"),
                FakeResponse.json(404, "{\"code\":\"NOT_FOUND\",\"message\":\"nope\"}"),
                FakeResponse.text(400, "<html>bad gateway-ish</html>"),
                FakeResponse.tooManyRequests("0").withBody("{\"code\":\"TOO_MANY_REQUESTS\"}"));
        AlpRestClient noRetry = new AlpRestClient(options().mutate().maxAttempts(1).build());
        StepVerifier.create(noRetry.trades("BTC_USDT", 1)).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("alp answered 400 to GET /trades: code BAD_REQUEST, pair not found")
                .extracting("context.venueCode").isEqualTo("BAD_REQUEST")).verify();
        StepVerifier.create(noRetry.trades("BTC_USDT", 1)).expectErrorSatisfies(e -> assertThat(e)
                .hasMessage("alp answered 400 to GET /trades: code 1003, invalid order amount").extracting("context.venueCode")
                .isEqualTo("1003")).verify();
        StepVerifier.create(noRetry.trades("BTC_USDT", 1)).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("formErrors: {\"pair\":[\"required\"]}"))
                .verify();
        StepVerifier.create(noRetry.trades("BTC_USDT", 1)).expectError(InsufficientFundsException.class).verify();
        StepVerifier.create(noRetry.trades("BTC_USDT", 1)).expectError(PermissionDeniedException.class).verify();
        StepVerifier.create(noRetry.trades("BTC_USDT", 1)).expectError(NotFoundException.class).verify();
        StepVerifier.create(noRetry.trades("BTC_USDT", 1)).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOfSatisfying(InvalidRequestException.class, invalid -> assertThat(invalid.context().rawBody())
                        .isEqualTo("<html>bad gateway-ish</html>"))).verify();
        StepVerifier.create(noRetry.trades("BTC_USDT", 1)).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOfSatisfying(RateLimitedException.class, r -> assertThat(r.retryAfter()).isZero())).verify();
    }

    @Test
    void badArgumentsFailBeforeSending() {
        StepVerifier.create(client.placeOrder(AlpOrderRequest.marketByBase("BTC_USDT", AlpSide.BUY, BigDecimal.ONE)))
                .expectErrorMessage("invalid ALP order: ALP requires quote_amount for a market BUY").verify();
        StepVerifier.create(client.trades(null, 1)).expectError(InvalidRequestException.class).verify();
        StepVerifier.create(client.accountTrades(null, null, null, null, 101)).expectError(InvalidRequestException.class)
                .verify();
        StepVerifier.create(client.cancel(new AlpCancelRequest.ByIds(List.of()))).expectError(InvalidRequestException.class)
                .verify();
        // missing arguments too: a typed error through the publisher, never a NullPointerException from the call
        StepVerifier.create(client.placeOrder(null)).expectError(InvalidRequestException.class).verify();
        StepVerifier.create(client.cancel(null)).expectError(InvalidRequestException.class).verify();
        StepVerifier.create(client.orders(null)).expectError(InvalidRequestException.class).verify();
        StepVerifier.create(client.findOrderByClientOrderId(null)).expectError(InvalidRequestException.class).verify();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aClientOrderIdTooLongToBeOursIsNotLookedFor() {
        StepVerifier.create(client.findOrderByClientOrderId("x".repeat(100_000)))
                .expectErrorMessage("client_order_id takes at most 64 characters, was 100000").verify();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void privateCallsWithoutCredentialsFailWithAnAuthenticationError() {
        AlpRestClient anonymous = new AlpRestClient(options().mutate().credentials(null).build());
        StepVerifier.create(anonymous.balances()).expectError(AuthenticationException.class).verify();
        assertThat(anonymous.tokens()).isNull();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void cancelAnswerMapsToCancelResults() {
        Map<String, String> answer = Map.of("1", "CANCELLED", "8", "order not found");
        assertThat(io.exflux.reactive.venue.alp.internal.AlpMapper.cancelResults(answer))
                .anySatisfy(r -> assertThat(r.orderId()).isEqualTo("1"))
                .allSatisfy(r -> assertThat(r.canceled()).isEqualTo(r.orderId().equals("1")));
    }
}
