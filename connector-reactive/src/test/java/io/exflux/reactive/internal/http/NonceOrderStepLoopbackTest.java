package io.exflux.reactive.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.internal.auth.NonceSource;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Private calls of one key reach the venue in nonce order, however many run at once and however slow signing is. */
class NonceOrderStepLoopbackTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int CALLS = 16;

    private FakeVenueServer server;
    private RestClient client;

    @BeforeEach
    void start() {
        server = FakeVenueServer.start();
        server.route("POST", "/private").respond(FakeResponse.ok("{}"));
        server.route("GET", "/public").respond(FakeResponse.ok("{}"));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.disposeLater().block(WAIT);
        }
        server.close();
    }

    /**
     * A client whose signing is asynchronous and slower for earlier calls (call {@code i} of {@code n} takes
     * {@code (n - i) * 15 ms}): without the serialized section a later nonce would overtake an earlier one.
     */
    private RestClient client(boolean ordered) {
        NonceSource nonces = new NonceSource(Clock.systemUTC());
        NonceOrderStep order = new NonceOrderStep(nonces,
                (request, nonce) -> request.withHeader("X-NONCE", Long.toString(nonce)),
                request -> request.path().equals("/private"));
        RestStep stampWithoutOrder = (request, next) -> next.proceed(
                request.withHeader("X-NONCE", Long.toString(nonces.next())));
        RestClient.Builder builder = RestClient.builder(RestOptions.builder().venue("fake").baseUrl(server.baseUrl())
                .maxAttempts(1).responseTimeout(WAIT).build());
        if (ordered) {
            builder.nonceOrder(order);
        } else {
            builder.perAttempt(stampWithoutOrder);
        }
        client = builder.signer(request -> {
            if (request.header("X-SEQ") == null) {
                return Mono.just(request);
            }
            int seq = Integer.parseInt(request.header("X-SEQ"));
            return Mono.delay(Duration.ofMillis((CALLS - seq) * 15L))
                    .map(tick -> request.withHeader("X-SIGN", "signed-" + request.header("X-NONCE")));
        }).build();
        return client;
    }

    private static RestRequest privateCall(int seq) {
        return RestRequest.post("/private").header("X-SEQ", Integer.toString(seq)).jsonBody("{\"seq\":" + seq + "}")
                .build();
    }

    @Test
    void concurrentPrivateCallsArriveWithStrictlyIncreasingNonces() {
        RestClient ordered = client(true);
        Flux.range(0, CALLS).flatMap(seq -> ordered.exchange(privateCall(seq)), CALLS).then().block(WAIT);
        List<RecordedRequest> seen = server.requests("POST", "/private");
        assertThat(seen).hasSize(CALLS);
        List<Long> nonces = seen.stream().map(r -> Long.parseLong(r.header("X-NONCE"))).toList();
        assertThat(nonces).isSorted().doesNotHaveDuplicates();
        seen.forEach(r -> assertThat(r.header("X-SIGN")).isEqualTo("signed-" + r.header("X-NONCE")));
    }

    @Test
    void withoutTheStepTheSameCallsArriveOutOfNonceOrder() {
        RestClient unordered = client(false);
        Flux.range(0, CALLS).flatMap(seq -> unordered.exchange(privateCall(seq)), CALLS).then().block(WAIT);
        List<Long> nonces = server.requests("POST", "/private").stream()
                .map(r -> Long.parseLong(r.header("X-NONCE"))).toList();
        assertThat(nonces).hasSize(CALLS).isNotEqualTo(nonces.stream().sorted().toList());
    }

    @Test
    void aCallCancelledWhileWaitingForItsTurnNeitherTakesANonceNorStallsTheOthers() {
        RestClient ordered = client(true);
        Mono<List<RestResponse>> others = Flux.range(0, 4).flatMap(seq -> ordered.exchange(privateCall(seq)), 4)
                .collectList();
        StepVerifier.create(Flux.merge(others.then(), ordered.exchange(privateCall(CALLS - 1))
                        .take(Duration.ofMillis(1)).then()))
                .verifyComplete();
        List<RecordedRequest> seen = server.requests("POST", "/private");
        assertThat(seen).extracting(r -> r.header("X-SEQ")).containsExactlyInAnyOrder("0", "1", "2", "3");
        assertThat(seen.stream().map(r -> Long.parseLong(r.header("X-NONCE"))).toList()).isSorted();
        // the lane is free again afterwards
        StepVerifier.create(ordered.exchange(privateCall(0))).expectNextCount(1).expectComplete().verify(WAIT);
    }

    @Test
    void callsTheStepDoesNotApplyToPassStraightThrough() {
        RestClient ordered = client(true);
        StepVerifier.create(ordered.exchange(RestRequest.get("/public").build())).expectNextCount(1)
                .expectComplete().verify(WAIT);
        assertThat(server.requests("GET", "/public").get(0).header("X-NONCE")).isNull();
    }
}
