package io.exflux.reactive.internal.http;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.internal.resources.SharedResources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.InsufficientFundsException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.error.RequestTimeoutException;
import io.exflux.reactive.internal.auth.HmacSigner;
import io.exflux.reactive.internal.auth.JcaHmac;
import io.exflux.reactive.internal.auth.NonceSource;
import io.exflux.reactive.config.RateLimit;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The real pipeline against the fake venue on loopback. */
class RestClientLoopbackTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeVenueServer server;
    private RestClient client;

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

    private RestOptions.Builder options() {
        return RestOptions.builder().venue("fake").baseUrl(server.baseUrl())
                .backoff(Backoff.exponential(Duration.ofMillis(20), Duration.ofMillis(200)));
    }

    private RestClient client(RestOptions.Builder options) {
        client = RestClient.builder(options.build()).build();
        return client;
    }

    record Ticker(String pair, BigDecimal last) {
    }

    @Test
    void getsWithQueryParametersAndDecodesTheBody() {
        server.route("GET", "/api/v3/ticker").respond(FakeResponse.ok("{\"pair\":\"BTC_USDT\",\"last\":\"0.1\"}"));

        Ticker ticker = client(options()).retrieve(RestRequest.get("/api/v3/ticker").query("pair", "BTC_USDT")
                .query("note", "a b*").build(), Ticker.class).block(WAIT);

        assertThat(ticker).isEqualTo(new Ticker("BTC_USDT", new BigDecimal("0.1")));
        RecordedRequest seen = server.requests().get(0);
        assertThat(seen.rawQuery()).isEqualTo("pair=BTC_USDT&note=a+b%2A");
        assertThat(seen.queryParam("note")).isEqualTo("a b*");
    }

    @Test
    void sendsTheExactBodyBytesAndHeaders() {
        String body = "{\"order_ids\": [1, 5, 8]}";
        server.route("DELETE", "/api/v3/trading/order").respond(FakeResponse.ok("{\"1\":\"CANCELLED\"}"));

        client(options()).exchange(RestRequest.delete("/api/v3/trading/order").jsonBody(body)
                .header("Authorization", "Bearer token").build()).block(WAIT);

        RecordedRequest seen = server.requests().get(0);
        assertThat(seen.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(seen.header("Content-Type")).isEqualTo("application/json");
        assertThat(seen.header("Authorization")).isEqualTo("Bearer token");
        assertThat(seen.header("Content-Length")).isEqualTo(Integer.toString(body.length()));
    }

    @Test
    void aServiceUnavailableGetIsRetriedAndSucceeds() {
        server.route("GET", "/ticker").respond(FakeResponse.status(503), FakeResponse.status(503),
                FakeResponse.ok("{}"));

        RestResponse response = client(options()).exchange(RestRequest.get("/ticker").build()).block(WAIT);

        assertThat(response.status()).isEqualTo(200);
        assertThat(server.requests("GET", "/ticker")).hasSize(3);
    }

    @Test
    void aServiceUnavailableOrderIsNotRetried() {
        server.route("POST", "/api/v3/trading/order").respond(FakeResponse.status(503), FakeResponse.ok("[1]"));

        StepVerifier.create(client(options()).exchange(RestRequest.post("/api/v3/trading/order")
                        .jsonBody("{\"pair\":\"BTC_USDT\"}").build()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ExchangeUnavailableException.class)
                        .hasMessageContaining("503"))
                .verify(WAIT);
        assertThat(server.requests("POST", "/api/v3/trading/order")).hasSize(1);
    }

    @Test
    void aResetOrderIsNotRetriedButAResetGetIs() {
        server.route("POST", "/order").respond(FakeResponse.reset(), FakeResponse.ok("[1]"));
        server.route("GET", "/balances").respond(FakeResponse.reset(), FakeResponse.ok("[]"));
        client(options());

        StepVerifier.create(client.exchange(RestRequest.post("/order").jsonBody("{}").build()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ExchangeUnavailableException.class)
                        .hasMessageContaining("may have processed it"))
                .verify(WAIT);
        StepVerifier.create(client.exchange(RestRequest.get("/balances").build()))
                .assertNext(response -> assertThat(response.status()).isEqualTo(200))
                .verifyComplete();
        assertThat(server.requests("POST", "/order")).hasSize(1);
        assertThat(server.requests("GET", "/balances")).hasSize(2);
    }

    @Test
    void aTooManyRequestsPausesTheScopeUntilRetryAfterThenTheGetSucceeds() {
        server.route("GET", "/ticker").respond(FakeResponse.tooManyRequests("2"), FakeResponse.ok("{}"));
        server.route("GET", "/pairs").respond(FakeResponse.ok("[]"));
        client(options().rateLimit("public", RateLimit.perSecond(100)));

        RestResponse response = client.exchange(RestRequest.get("/ticker").build())
                .flatMap(ok -> Mono.just(ok))
                .block(WAIT);
        client.exchange(RestRequest.get("/pairs").build()).block(WAIT);

        assertThat(response.status()).isEqualTo(200);
        List<RecordedRequest> tickers = server.requests("GET", "/ticker");
        assertThat(tickers).hasSize(2);
        assertThat(Duration.between(tickers.get(0).arrival(), tickers.get(1).arrival()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1990));
    }

    @Test
    void otherCallsOfAPausedScopeWaitForThePauseToEnd() {
        server.route("GET", "/ticker").respond(FakeResponse.tooManyRequests("2"));
        server.route("GET", "/pairs").respond(FakeResponse.ok("[]"));
        client(options().maxAttempts(1).rateLimit("public", RateLimit.perSecond(100)));

        StepVerifier.create(client.exchange(RestRequest.get("/ticker").build()))
                .expectError(io.exflux.api.error.RateLimitedException.class)
                .verify(WAIT);
        client.exchange(RestRequest.get("/pairs").build()).block(WAIT);

        Duration gap = Duration.between(server.requests("GET", "/ticker").get(0).arrival(),
                server.requests("GET", "/pairs").get(0).arrival());
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(1990));
    }

    @Test
    void aTimeoutIsTypedAndLeavesNoConnectionBehind() {
        server.route("GET", "/stall").respond(FakeResponse.stall());
        client(options().maxAttempts(1).responseTimeout(Duration.ofMillis(300)));

        StepVerifier.create(client.exchange(RestRequest.get("/stall").build()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RequestTimeoutException.class)
                        .hasMessageContaining("did not answer GET /stall"))
                .verify(WAIT);

        await(() -> client.activeConnections() == 0 && server.openConnections() == 0);
        assertThat(client.activeConnections()).isZero();
        assertThat(server.openConnections()).isZero();
    }

    @Test
    void aSilenceOnAPooledConnectionTimesOutAsOnANewOne() {
        server.route("GET", "/stall").respond(FakeResponse.ok("{}"), FakeResponse.stall());
        client(options().maxAttempts(1).responseTimeout(Duration.ofSeconds(1)));

        client.exchange(RestRequest.get("/stall").build()).block(WAIT);
        assertThat(client.pooledConnections()).isEqualTo(1);
        StepVerifier.create(client.exchange(RestRequest.get("/stall").build()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RequestTimeoutException.class)
                        .hasMessageContaining("did not answer GET /stall"))
                .verify(WAIT);

        await(() -> client.pooledConnections() == 0 && server.openConnections() == 0);
        assertThat(client.pooledConnections()).isZero();
    }

    /**
     * The timeout of an answered request ends with it: on the same pooled connection, the next request has its own
     * full timeout. The second answer comes 1 s into a 2 s timeout, 2.2 s after the first answer: a watch left over
     * from the first request would have ended the second 2 s after the first answer.
     */
    @Test
    void anAnsweredRequestsTimeoutDoesNotReachTheNextOnItsConnection() throws InterruptedException {
        server.route("GET", "/slow").respond(FakeResponse.ok("{\"n\":1}"),
                FakeResponse.ok("{\"n\":2}").withDelay(Duration.ofSeconds(1)));
        client(options().maxAttempts(1).responseTimeout(Duration.ofSeconds(2)).attemptTimeout(Duration.ofSeconds(10)));

        assertThat(client.exchange(RestRequest.get("/slow").build()).block(WAIT).bodyAsString()).isEqualTo("{\"n\":1}");
        Thread.sleep(1_200); // the test's own thread, while the connection idles in the pool
        assertThat(client.exchange(RestRequest.get("/slow").build()).block(WAIT).bodyAsString()).isEqualTo("{\"n\":2}");
        assertThat(server.acceptedConnections()).as("both on one pooled connection").isEqualTo(1);
    }

    @Test
    void aTimedOutGetIsRetriedButATimedOutOrderIsNot() {
        server.route("GET", "/stall").respond(FakeResponse.stall(), FakeResponse.ok("{}"));
        server.route("POST", "/order").respond(FakeResponse.stall());
        client(options().responseTimeout(Duration.ofMillis(300)));

        StepVerifier.create(client.exchange(RestRequest.get("/stall").build()))
                .assertNext(response -> assertThat(response.status()).isEqualTo(200))
                .verifyComplete();
        StepVerifier.create(client.exchange(RestRequest.post("/order").jsonBody("{}").build()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RequestTimeoutException.class)
                        .hasMessageContaining("may have processed it"))
                .verify(WAIT);
        assertThat(server.requests("GET", "/stall")).hasSize(2);
        assertThat(server.requests("POST", "/order")).hasSize(1);
    }

    @Test
    void anAnswerArrivesWithItsConnectionBackInThePoolForTheNextCall() {
        server.route("GET", "/time").respond(FakeResponse.ok("{}"));
        client(options());

        // read where the answer is handed over, as a caller chaining its next call would see the pool
        Integer inUseAtAnswer = client.exchange(RestRequest.get("/time").build())
                .map(answer -> client.activeConnections()).block(WAIT);
        client.exchange(RestRequest.get("/time").build()).block(WAIT);

        assertThat(inUseAtAnswer).as("connections in use when the answer arrives").isZero();
        assertThat(server.acceptedConnections()).as("the second call reuses the first one's connection")
                .isEqualTo(1);
        assertThat(client.pooledConnections()).isEqualTo(1);
    }

    @Test
    void aBodilessRequestWhoseDepartureWaitedOffTheEventLoopKeepsItsConnection() {
        server.route("GET", "/time").respond(FakeResponse.ok("{}"));
        ClientResources resources = ClientResources.create();
        NettyTransport transport = new NettyTransport(options().build(), SharedResources.of(resources));
        try {
            // a rate limiter's wait ends on a scheduler thread, which then writes the request
            WriteHooks pacedOnAnotherThread = new WriteHooks(Mono.delay(Duration.ofMillis(1)).then(), null);
            for (int call = 0; call < 20; call++) {
                assertThat(transport.send(RestRequest.get("/time").build(), pacedOnAnotherThread).block(WAIT)
                        .status()).isEqualTo(200);
            }

            assertThat(server.acceptedConnections()).as("connections the venue accepted for 20 calls in a row")
                    .isEqualTo(1);
            assertThat(transport.allocatedConnections()).isEqualTo(1);
        } finally {
            resources.shutdown().block(WAIT);
        }
    }

    @Test
    void cancellingACallReleasesItsConnection() {
        server.route("GET", "/stall").respond(FakeResponse.stall());
        client(options());

        client.exchange(RestRequest.get("/stall").build()).subscribe().dispose();
        reactor.core.Disposable pending = client.exchange(RestRequest.get("/stall").build()).subscribe();
        await(() -> server.requests("GET", "/stall").size() >= 1);
        pending.dispose();

        await(() -> client.activeConnections() == 0 && server.openConnections() == 0);
        assertThat(client.activeConnections()).isZero();
    }

    @Test
    void invalidRequestsFailThroughTheMonoAndSendNothing() {
        client(options());
        List<RestRequest> invalid = List.of(
                RestRequest.get("no-leading-slash").build(),
                RestRequest.get("/path?with=query").build(),
                RestRequest.get("/ticker").query("pair", null).build(),
                RestRequest.get("/ticker").header("X-Bad", "line\r\nbreak").build(),
                RestRequest.get("/ticker").body(new byte[] {1}).build(),
                RestRequest.get("/ticker").rateLimit("public", 0).build(),
                RestRequest.builder("TRACE", "/ticker").build(),
                RestRequest.get("/tick|er").build());

        for (RestRequest request : invalid) {
            Mono<RestResponse> call = client.exchange(request);
            StepVerifier.create(call).expectError(InvalidRequestException.class).verify(WAIT);
        }
        StepVerifier.create(client.exchange(null)).expectError(InvalidRequestException.class).verify(WAIT);
        StepVerifier.create(client.retrieve(RestRequest.get("/ticker").build(), (Class<Ticker>) null))
                .expectError(InvalidRequestException.class).verify(WAIT);
        StepVerifier.create(client.retrieve(RestRequest.get("/ticker").build(), (TypeReference<List<Ticker>>) null))
                .expectError(InvalidRequestException.class).verify(WAIT);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsUnavailableAndSaysWhere() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closedPort;
        client(options().baseUrl(nowhere).maxAttempts(2));

        StepVerifier.create(client.exchange(RestRequest.get("/ticker").build()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ExchangeUnavailableException.class)
                        .hasMessage("fake: could not send GET /ticker: connection refused or unreachable at "
                                + nowhere + " (AnnotatedConnectException)")
                        .hasRootCauseInstanceOf(ConnectException.class))
                .verify(WAIT);
    }

    @Test
    void aOneDigitPortStaysThePortOfTheTarget() {
        ClientResources resources = ClientResources.create();
        NettyTransport transport = new NettyTransport(options().baseUrl("http://127.0.0.1:9").build(),
                SharedResources.of(resources));
        try {
            URI target = transport.target(RestRequest.get("/ticker").query("pair", "A B").build());

            assertThat(target.getHost()).isEqualTo("127.0.0.1");
            assertThat(target.getPort()).isEqualTo(9);
            assertThat(target.getRawPath()).isEqualTo("/ticker");
            assertThat(target.getRawQuery()).isEqualTo("pair=A+B");
        } finally {
            resources.shutdown().block(WAIT);
        }
    }

    @Test
    void everyAttemptIsSignedAgainWithAFreshNonceOverTheExactBody() {
        HmacSigner hmac = HmacSigner.sha384("secret");
        NonceSource nonces = new NonceSource(Clock.systemUTC());
        server.route("POST", "/api/v3.2/order").respond(FakeResponse.tooManyRequests("0"), FakeResponse.ok("[]"));
        client = RestClient.builder(options().build())
                .signer(request -> Mono.fromSupplier(() -> {
                    String nonce = Long.toString(nonces.next());
                    return request.mutate()
                            .setHeader("request-nonce", nonce)
                            .setHeader("request-sign", hmac.signHex(bytes(request.path()), bytes(nonce),
                                    request.body()))
                            .build();
                }))
                .build();

        client.exchange(RestRequest.post("/api/v3.2/order").jsonBody("{\"size\":0.002}").build()).block(WAIT);

        List<RecordedRequest> attempts = server.requests("POST", "/api/v3.2/order");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).header("request-nonce")).isNotEqualTo(attempts.get(1).header("request-nonce"));
        for (RecordedRequest attempt : attempts) {
            assertThat(attempt.header("request-sign")).isEqualTo(JcaHmac.hex("HmacSHA384", "secret",
                    bytes(attempt.path()), bytes(attempt.header("request-nonce")), attempt.body()));
        }
    }

    @Test
    void venueErrorsBecomeTypedExceptionsWithTheVenueCode() {
        server.route("POST", "/order").respond(FakeResponse.json(400,
                "{\"code\":\"1003\",\"message\":\"invalid order amount\"}"));
        server.route("GET", "/wallet").respond(FakeResponse.json(400,
                "{\"date\":1570599531.48,\"error\":\"Out of balance -9.99243661 BTC\"}"));
        server.route("GET", "/private").respond(FakeResponse.json(401,
                "{\"code\":\"UNAUTHORIZED\",\"message\":\"missing or invalid Authorization header\"}"));
        client = RestClient.builder(options().build())
                .errorMapper(StandardErrorMapper.forVenue("fake")
                        .onMessage("out of balance", InsufficientFundsException::new))
                .build();

        StepVerifier.create(client.exchange(RestRequest.post("/order").jsonBody("{}").build()))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(InvalidRequestException.class)
                            .hasMessage("fake answered 400 to POST /order: code 1003, invalid order amount");
                    InvalidRequestException typed = (InvalidRequestException) error;
                    assertThat(typed.venueCode()).isEqualTo("1003");
                    assertThat(typed.httpStatus()).isEqualTo(400);
                    assertThat(typed.context().rawBody()).contains("invalid order amount");
                })
                .verify(WAIT);
        StepVerifier.create(client.exchange(RestRequest.get("/wallet").build()))
                .expectError(InsufficientFundsException.class)
                .verify(WAIT);
        StepVerifier.create(client.exchange(RestRequest.get("/private").build()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AuthenticationException.class)
                        .extracting(e -> ((AuthenticationException) e).venueCode()).isEqualTo("UNAUTHORIZED"))
                .verify(WAIT);
    }

    @Test
    void aNonJsonOrEmptyErrorBodyStillGivesAClearTypedError() {
        server.route("GET", "/proxy").respond(FakeResponse.text(502, "<html><body>Bad Gateway</body></html>"));
        server.route("GET", "/empty").respond(FakeResponse.status(500));
        server.route("GET", "/big").respond(FakeResponse.text(404, "x".repeat(10_000)));
        client(options().maxAttempts(1));

        StepVerifier.create(client.exchange(RestRequest.get("/proxy").build()))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ExchangeUnavailableException.class)
                            .hasMessage("fake answered 502 to GET /proxy with a body that is not JSON (37 bytes)");
                    assertThat(((ExchangeUnavailableException) error).context().rawBody()).contains("Bad Gateway");
                })
                .verify(WAIT);
        StepVerifier.create(client.exchange(RestRequest.get("/empty").build()))
                .expectErrorMessage("fake answered 500 to GET /empty with an empty body")
                .verify(WAIT);
        StepVerifier.create(client.exchange(RestRequest.get("/big").build()))
                .expectErrorSatisfies(error -> assertThat(((io.exflux.api.error.NotFoundException) error)
                        .context().rawBody()).hasSizeLessThan(600))
                .verify(WAIT);
    }

    @Test
    void anUnreadableSuccessfulBodyIsAProtocolError() {
        server.route("GET", "/ticker").respond(FakeResponse.ok("{not json"));
        client(options());

        StepVerifier.create(client.retrieve(RestRequest.get("/ticker").build(), Ticker.class))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ProtocolException.class)
                        .hasMessage("could not read the answer to GET /ticker as Ticker"))
                .verify(WAIT);
    }

    @Test
    void aStepThatThrowsFailsOnlyThatCall() {
        server.route("GET", "/ticker").respond(FakeResponse.ok("{}"));
        client = RestClient.builder(options().build())
                .perCall((request, next) -> {
                    if (request.path().equals("/boom")) {
                        throw new IllegalStateException("boom");
                    }
                    return next.proceed(request);
                })
                .build();

        StepVerifier.create(client.exchange(RestRequest.get("/boom").build()))
                .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(
                                io.exflux.api.error.ExchangeException.class)
                        .hasMessage("fake: GET /boom failed inside the client (java.lang.IllegalStateException)"))
                .verify(WAIT);
        StepVerifier.create(client.exchange(RestRequest.get("/ticker").build()))
                .expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void aSignerThatFailsOrGivesNothingFailsTheCallWithoutRetryOrSending() {
        client = RestClient.builder(options().build())
                .signer(request -> request.path().equals("/empty") ? Mono.empty()
                        : Mono.error(new IllegalStateException("no key")))
                .build();

        StepVerifier.create(client.exchange(RestRequest.get("/empty").build()))
                .expectError(AuthenticationException.class)
                .verify(WAIT);
        StepVerifier.create(client.exchange(RestRequest.get("/broken").build()))
                .expectError(io.exflux.api.error.ExchangeException.class)
                .verify(WAIT);
        assertThat(server.requests()).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
