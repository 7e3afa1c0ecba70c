package io.exflux.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

class FakeVenueServerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeVenueServer server;
    private HttpClient client;

    @BeforeEach
    void start() {
        server = FakeVenueServer.start();
        client = HttpClient.create().baseUrl(server.baseUrl()).disableRetry(true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Mono<String> get(String uri) {
        return client.get().uri(uri).responseSingle((response, body) -> body.asString()
                .defaultIfEmpty("").map(text -> response.status().code() + " " + text));
    }

    @Test
    void aSequenceAnswersInOrderThenRepeatsTheLast() {
        server.route("GET", "/ticker").respond(FakeResponse.status(503), FakeResponse.status(503),
                FakeResponse.ok("{\"last\":\"1\"}"));

        List<String> answers = Flux.range(0, 4).concatMap(i -> get("/ticker?pair=BTC_USDT")).collectList()
                .block(WAIT);

        assertThat(answers).containsExactly("503 ", "503 ", "200 {\"last\":\"1\"}", "200 {\"last\":\"1\"}");
        assertThat(server.requests("GET", "/ticker")).hasSize(4)
                .allSatisfy(request -> assertThat(request.queryParam("pair")).isEqualTo("BTC_USDT"));
    }

    @Test
    void recordsMethodPathHeadersAndExactBody() {
        server.route("POST", "/order").respondWith(request -> FakeResponse.json(201, request.bodyAsString()));

        String answer = client.headers(h -> h.add("X-SIGN", "abc"))
                .post().uri("/order?x=1")
                .send(ByteBufFlux.fromString(Mono.just("{\"amount\":\"0.1\"}")))
                .responseSingle((response, body) -> body.asString().map(text -> response.status().code() + text))
                .block(WAIT);

        assertThat(answer).isEqualTo("201{\"amount\":\"0.1\"}");
        RecordedRequest recorded = server.requests().get(0);
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.path()).isEqualTo("/order");
        assertThat(recorded.rawQuery()).isEqualTo("x=1");
        assertThat(recorded.header("x-sign")).isEqualTo("abc");
        assertThat(recorded.body()).isEqualTo("{\"amount\":\"0.1\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void requestsOnOneKeepAliveConnectionCountAsOneAcceptedConnection() {
        server.route("GET", "/time").respond(FakeResponse.ok("{}"));
        ConnectionProvider one = ConnectionProvider.create("one-connection", 1);
        try {
            HttpClient single = HttpClient.create(one).baseUrl(server.baseUrl()).disableRetry(true);
            Flux.range(0, 3).concatMap(i -> single.get().uri("/time").responseSingle((response, body) -> body
                    .asString())).blockLast(WAIT);

            assertThat(server.requests("GET", "/time")).hasSize(3);
            assertThat(server.acceptedConnections()).isEqualTo(1);
        } finally {
            one.disposeLater().block(WAIT);
        }
    }

    @Test
    void unscriptedPathsAnswer404() {
        assertThat(get("/nothing").block(WAIT)).startsWith("404 ");
    }

    @Test
    void aTooManyRequestsAnswerCarriesRetryAfter() {
        server.route("GET", "/busy").respond(FakeResponse.tooManyRequests("2"));

        String retryAfter = client.get().uri("/busy")
                .responseSingle((response, body) -> Mono.just(response.status().code() + " "
                        + response.responseHeaders().get("Retry-After")))
                .block(WAIT);

        assertThat(retryAfter).isEqualTo("429 2");
    }

    @Test
    void aResetFailsTheClientWithoutAnAnswer() {
        server.route("GET", "/reset").respond(FakeResponse.reset());

        StepVerifier.create(get("/reset")).expectError().verify(WAIT);
    }

    @Test
    void aStalledRouteNeverAnswersAndFreesTheConnectionWhenTheClientLeaves() {
        server.route("GET", "/stall").respond(FakeResponse.stall());

        StepVerifier.create(get("/stall").timeout(Duration.ofMillis(200)))
                .expectError(java.util.concurrent.TimeoutException.class)
                .verify(WAIT);
        assertThat(server.requests("GET", "/stall")).hasSize(1);
    }

    @Test
    void addedLatencyDelaysTheAnswer() {
        server.route("GET", "/slow").respond(FakeResponse.ok("{}").withDelay(Duration.ofMillis(300)));

        StepVerifier.create(get("/slow").timeout(Duration.ofMillis(100)))
                .expectError(java.util.concurrent.TimeoutException.class)
                .verify(WAIT);
    }

    @Test
    void websocketScriptsTalkAndInboundFramesAreRecorded() {
        server.websocket("/ws", session -> {
            session.send("{\"hello\":1}");
            return session.inbound().doOnNext(text -> session.send("echo:" + text)).then();
        });

        List<String> received = HttpClient.create().websocket().uri(server.wsUrl("/ws"))
                .handle((in, out) -> out.sendString(Mono.just("ping-1"))
                        .then()
                        .thenMany(in.receive().asString().take(2)))
                .collectList()
                .block(WAIT);

        assertThat(received).containsExactly("{\"hello\":1}", "echo:ping-1");
        assertThat(server.frames()).extracting(RecordedFrame::text).contains("ping-1");
        assertThat(server.sessions()).hasSize(1);
    }

    @Test
    void aSessionDroppedAfterTwoFramesEndsTheClientStream() {
        server.websocket("/ws", session -> {
            session.dropAfterFrames(2);
            for (int i = 0; i < 5; i++) {
                session.send("frame-" + i);
            }
            return Mono.empty();
        });

        List<String> received = HttpClient.create().websocket().uri(server.wsUrl("/ws"))
                .handle((in, out) -> in.receive().asString())
                .onErrorResume(error -> Flux.empty())
                .collectList()
                .block(WAIT);

        assertThat(received).containsExactly("frame-0", "frame-1");
    }

    @Test
    void aStalledSessionStopsAnsweringPings() {
        server.websocket("/ws", session -> {
            session.stall();
            return Mono.empty();
        });

        StepVerifier.create(HttpClient.create().websocket().uri(server.wsUrl("/ws"))
                        .handle((in, out) -> out.sendObject(Mono.just(
                                        new io.netty.handler.codec.http.websocketx.PingWebSocketFrame()))
                                .then()
                                .thenMany(in.receiveFrames()))
                        .timeout(Duration.ofSeconds(1)))
                .expectError(java.util.concurrent.TimeoutException.class)
                .verify(WAIT);
        await(() -> server.frames().stream().anyMatch(frame -> frame.kind() == RecordedFrame.Kind.PING));
        assertThat(server.frames()).extracting(RecordedFrame::kind).contains(RecordedFrame.Kind.PING);
    }

    @Test
    void aScriptCanSendMalformedAndBinaryFramesAndClose() {
        server.websocket("/ws", session -> {
            session.send("{\"truncated\":");
            session.sendBinary(new byte[] {1, 2, 3});
            session.close(1000, "bye");
            return Mono.empty();
        });

        List<String> received = HttpClient.create().websocket().uri(server.wsUrl("/ws"))
                .handle((in, out) -> in.receiveFrames().map(frame -> frame.getClass().getSimpleName() + ":"
                        + frame.content().readableBytes()))
                .collectList()
                .block(WAIT);

        assertThat(received).containsExactly("TextWebSocketFrame:13", "BinaryWebSocketFrame:3");
        assertThat(server.sessions().get(0).upgradeRequest().path()).isEqualTo("/ws");
    }

    @Test
    void closingTheServerClosesOpenConnections() {
        server.route("GET", "/stall").respond(FakeResponse.stall());
        get("/stall").subscribe(ignored -> { }, ignored -> { });
        await(() -> server.openConnections() == 1);

        server.close();

        assertThat(server.openConnections()).isZero();
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition before deadline").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
