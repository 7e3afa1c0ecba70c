package io.exflux.reactive.internal.http;

import static io.exflux.reactive.internal.http.RawHttpServer.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.error.RateLimitedException;
import io.exflux.api.error.RequestTimeoutException;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.testsupport.FailOnNettyLeaks;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/**
 * Answers no honest venue sends, each ending the call with a typed error (never an internal failure, never a hang,
 * never unbounded memory): bodies over the size limit, an answer trickling in byte by byte, a garbled status line,
 * a {@code Retry-After} of centuries, a full connection pool. Netty's paranoid leak detection watches every buffer.
 */
@ExtendWith(FailOnNettyLeaks.class)
class HostileAnswersLoopbackTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int LIMIT = 1024 * 1024;

    private RestClient client;

    @AfterEach
    void dispose() {
        if (client != null) {
            client.disposeLater().block(WAIT);
        }
    }

    private RestClient client(String baseUrl, RestOptions.Builder options) {
        client = RestClient.builder(options.venue("fake").baseUrl(baseUrl).maxAttempts(1)
                .backoff(Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(50))).build()).build();
        return client;
    }

    private static Throwable failureOf(RestClient client, RestRequest request) {
        return client.exchange(request).then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block(WAIT);
    }

    @Test
    void anEndlessChunkedBodyFailsAtTheLimit() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        try (RawHttpServer server = RawHttpServer.start(out -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
            while (true) {
                out.write(ascii(Integer.toHexString(chunk.length) + "\r\n"));
                out.write(chunk);
                out.write(ascii("\r\n"));
            }
        })) {
            Throwable error = failureOf(client(server.baseUrl(), RestOptions.builder().maxResponseBodySize(LIMIT)),
                    RestRequest.get("/trades").build());

            assertThat(error).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("GET /trades")
                    .hasMessageContaining("limit of " + LIMIT + " bytes (maxResponseBodySize)");
            assertThat(((ProtocolException) error).httpStatus()).isEqualTo(200);
        }
    }

    @Test
    void aBodyDeclaringFiveHundredMegabytesIsRefusedBeforeItIsRead() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        try (RawHttpServer server = RawHttpServer.start(out -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 524288000\r\n\r\n"));
            for (int sent = 0; sent < 524_288_000; sent += chunk.length) {
                out.write(chunk);
            }
        })) {
            Throwable error = failureOf(client(server.baseUrl(), RestOptions.builder()),
                    RestRequest.get("/candles").build());

            assertThat(error).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("limit of " + (8 * 1024 * 1024) + " bytes");
        }
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        String body = "[" + "1,".repeat(200_000) + "1]";
        try (RawHttpServer server = RawHttpServer.start(out -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body));
        })) {
            RestResponse response = client(server.baseUrl(), RestOptions.builder().maxResponseBodySize(body.length()))
                    .exchange(RestRequest.get("/trades").build()).block(WAIT);

            assertThat(response.bodyAsString()).isEqualTo(body);
        }
    }

    /**
     * The response timeout is the longest silence: a head and a body trickling in (the head split too) within it
     * are read whole however long they take in all, and a silence past it in the middle of the body ends the call.
     */
    @Test
    void theResponseTimeoutStartsAgainWithEveryPieceAndEndsASilence() throws Exception {
        String body = "{\"price\":\"1.0\",\"amount\":\"2.0\"}";
        String head = "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n";
        try (RawHttpServer server = RawHttpServer.start(out -> {
            for (String piece : new String[] {head.substring(0, 10), head.substring(10), body.substring(0, 10),
                body.substring(10, 20), body.substring(20)}) {
                Thread.sleep(300);
                out.write(ascii(piece));
                out.flush();
            }
        })) {
            RestResponse answer = client(server.baseUrl(), RestOptions.builder()
                    .responseTimeout(Duration.ofSeconds(1)).attemptTimeout(Duration.ofSeconds(20)))
                    .exchange(RestRequest.get("/ticker").build()).block(WAIT);

            assertThat(answer.bodyAsString()).isEqualTo(body);
            client.disposeLater().block(WAIT);
        }
        try (RawHttpServer server = RawHttpServer.start(out -> {
            out.write(ascii(head + body.substring(0, 10)));
            out.flush();
            Thread.sleep(5_000);
        })) {
            Throwable error = failureOf(client(server.baseUrl(), RestOptions.builder()
                    .responseTimeout(Duration.ofMillis(300)).attemptTimeout(Duration.ofSeconds(20))),
                    RestRequest.get("/ticker").build());

            assertThat(error).isInstanceOf(RequestTimeoutException.class)
                    .hasMessageContaining("did not answer GET /ticker in time")
                    .hasRootCauseInstanceOf(io.netty.handler.timeout.ReadTimeoutException.class);
            RestClientLoopbackTest.await(() -> client.pooledConnections() == 0);
            assertThat(client.pooledConnections()).as("the silent connection is closed").isZero();
        }
    }

    @Test
    void anAnswerTricklingInByteByByteEndsAtTheAttemptTimeout() throws Exception {
        String body = "{\"price\":\"1.0\",\"amount\":\"2.0\"}";
        try (RawHttpServer server = RawHttpServer.start(out -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n"));
            for (byte b : ascii(body)) {
                out.write(b);
                out.flush();
                Thread.sleep(150);
            }
        })) {
            // every byte comes well within the response timeout; only the attempt's deadline can end the call
            Throwable error = failureOf(client(server.baseUrl(), RestOptions.builder()
                    .responseTimeout(Duration.ofSeconds(2)).attemptTimeout(Duration.ofMillis(600))),
                    RestRequest.get("/ticker").build());

            assertThat(error).isInstanceOf(RequestTimeoutException.class)
                    .hasMessageContaining("did not answer GET /ticker in time");
        }
    }

    @Test
    void aGarbledStatusLineIsAProtocolError() throws Exception {
        try (RawHttpServer server = RawHttpServer.start(out ->
                out.write(ascii("HTTP/1.1 two-hundred OKAY\r\nContent-Length: 2\r\n\r\n{}")))) {
            Throwable error = failureOf(client(server.baseUrl(), RestOptions.builder()),
                    RestRequest.get("/ticker").build());

            assertThat(error).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("GET /ticker")
                    .hasMessageNotContaining("inside the client");
            assertThat(RestClient.mayHaveBeenProcessed(error))
                    .as("the venue got the request and answered: a placement that ends so may be live").isTrue();
        }
    }

    @Test
    void aRetryAfterOfCenturiesIsARateLimitWithACappedWait() {
        try (FakeVenueServer server = FakeVenueServer.start()) {
            server.route("GET", "/ticker").respond(FakeResponse.tooManyRequests("99999999999999999999999999"));
            server.route("GET", "/pairs").respond(FakeResponse.tooManyRequests("1e999999999"));
            RestClient rest = client(server.baseUrl(), RestOptions.builder().maxAttempts(3));

            Throwable huge = failureOf(rest, RestRequest.get("/ticker").build());
            Throwable unreadable = failureOf(rest, RestRequest.get("/pairs").build());

            assertThat(huge).isInstanceOfSatisfying(RateLimitedException.class, limited ->
                    assertThat(limited.retryAfter()).isEqualTo(io.exflux.reactive.internal.ratelimit.RetryAfter.MAX));
            assertThat(unreadable).isInstanceOf(RateLimitedException.class);
            assertThat(server.requests("GET", "/ticker")).as("a wait past maxRetryAfter is not retried").hasSize(1);
        }
    }

    @Test
    void aFullPoolFailsARequestThatWasNeverSentAsATransientUnavailability() {
        try (FakeVenueServer server = FakeVenueServer.start()) {
            server.route("GET", "/stall").respond(FakeResponse.stall());
            server.route("POST", "/order").respond(FakeResponse.ok("{}"));
            RestClient rest = client(server.baseUrl(), RestOptions.builder().maxConnections(1)
                    .pendingAcquireTimeout(Duration.ofMillis(200)).responseTimeout(Duration.ofSeconds(5)));
            var stalled = rest.exchange(RestRequest.get("/stall").build()).subscribe(ok -> { }, failed -> { });
            RestClientLoopbackTest.await(() -> server.requests("GET", "/stall").size() == 1);

            Throwable error = failureOf(rest, RestRequest.post("/order").jsonBody("{}").build());
            stalled.dispose();

            assertThat(error).isInstanceOf(ExchangeUnavailableException.class)
                    .hasMessageContaining("could not send POST /order")
                    .hasMessageNotContaining("inside the client");
            assertThat(((ExchangeException) error).isTransient()).isTrue();
            assertThat(RestClient.mayHaveBeenProcessed(error)).as("the venue never saw it").isFalse();
            assertThat(server.requests("POST", "/order")).isEmpty();
        }
    }

    @Test
    void callsBeyondThePoolsWaitingQueueFailAsNeverSentNotAsAnInternalFailure() {
        try (FakeVenueServer server = FakeVenueServer.start()) {
            server.route("GET", "/stall").respond(FakeResponse.stall());
            server.route("POST", "/order").respond(FakeResponse.stall());
            // one connection: reactor-netty lets twice as many callers wait for it, and refuses the rest at once
            RestClient rest = client(server.baseUrl(), RestOptions.builder().maxConnections(1)
                    .pendingAcquireTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofSeconds(5)));
            var stalled = rest.exchange(RestRequest.get("/stall").build()).subscribe(ok -> { }, failed -> { });
            RestClientLoopbackTest.await(() -> server.requests("GET", "/stall").size() == 1);

            java.util.List<Throwable> errors = reactor.core.publisher.Flux.range(0, 6)
                    .flatMap(i -> rest.exchange(RestRequest.post("/order").jsonBody("{}").build())
                            .then(Mono.<Throwable>empty()).onErrorResume(Mono::just))
                    .take(4)
                    .collectList().block(WAIT);
            stalled.dispose();

            assertThat(errors).hasSize(4).allSatisfy(error -> {
                assertThat(error).isInstanceOf(ExchangeUnavailableException.class)
                        .hasMessageContaining("too many calls already wait for a pooled connection")
                        .hasMessageNotContaining("inside the client");
                assertThat(((ExchangeException) error).isTransient()).isTrue();
                assertThat(RestClient.mayHaveBeenProcessed(error)).isFalse();
            });
        }
    }
}
