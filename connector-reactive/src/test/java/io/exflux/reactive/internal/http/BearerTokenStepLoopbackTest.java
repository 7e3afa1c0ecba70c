package io.exflux.reactive.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.AuthenticationException;
import io.exflux.reactive.internal.auth.TokenCache;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The bearer step on the real pipeline: the header, one resend after a 401 through the later steps, skipped calls. */
class BearerTokenStepLoopbackTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger attemptsAfterBearer = new AtomicInteger();
    private FakeVenueServer server;
    private RestClient client;

    @BeforeEach
    void start() {
        server = FakeVenueServer.start();
        TokenCache tokens = new TokenCache("fake", () -> Mono.fromSupplier(() -> "token-" + fetches.incrementAndGet()),
                token -> Optional.empty(), Schedulers.parallel(), Duration.ofSeconds(60));
        client = RestClient.builder(RestOptions.builder().venue("fake").baseUrl(server.baseUrl()).maxAttempts(1)
                        .build())
                .bearerToken(new BearerTokenStep(tokens, request -> request.path().startsWith("/private")))
                .perAttempt((request, next) -> {
                    attemptsAfterBearer.incrementAndGet();
                    return next.proceed(request);
                })
                .build();
    }

    @AfterEach
    void stop() {
        client.disposeLater().block(WAIT);
        server.close();
    }

    @Test
    void a401DropsTheTokenAndTheCallGoesOnceMoreThroughTheLaterStepsWithAFreshOne() {
        server.route("POST", "/private/order").respond(FakeResponse.status(401), FakeResponse.ok("[1]"));
        StepVerifier.create(client.exchange(RestRequest.post("/private/order").jsonBody("{}").build()))
                .assertNext(response -> assertThat(response.status()).isEqualTo(200)).expectComplete().verify(WAIT);
        List<RecordedRequest> posts = server.requests("POST", "/private/order");
        assertThat(posts).extracting(r -> r.header("Authorization")).containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(attemptsAfterBearer).hasValue(2);
    }

    @Test
    void aSecond401IsAnAuthenticationErrorWithoutAThirdSend() {
        server.route("GET", "/private/balances").respond(FakeResponse.status(401));
        StepVerifier.create(client.exchange(RestRequest.get("/private/balances").build()))
                .expectError(AuthenticationException.class).verify(WAIT);
        assertThat(server.requests("GET", "/private/balances")).hasSize(2);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void callsTheStepDoesNotApplyToCarryNoTokenAndFetchNone() {
        server.route("GET", "/public/ticker").respond(FakeResponse.status(401));
        StepVerifier.create(client.exchange(RestRequest.get("/public/ticker").build()))
                .expectError(AuthenticationException.class).verify(WAIT);
        assertThat(server.requests("GET", "/public/ticker")).hasSize(1)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
        assertThat(fetches).hasValue(0);
    }
}
