package io.exflux.reactive.internal.http;

import io.exflux.reactive.config.Backoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.config.Credentials;
import io.exflux.reactive.internal.auth.HmacSigner;
import io.exflux.reactive.internal.auth.SecretRedactor;
import io.exflux.reactive.internal.auth.NonceSource;
import io.exflux.reactive.testsupport.ConsoleCapture;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Runs signed calls through retries, venue errors, resets and timeouts with a canary secret, capturing every log
 * line (slf4j-simple, exflux loggers at debug), and checks that the secret shows up in no log line, no
 * {@code toString()} and no exception message, also when the venue echoes the request body back (as a JSON field,
 * quoted in its message, as plain text, in a 200 that is not JSON).
 */
class SecretCanaryTest {

    private static final String CANARY = "CANARY-s3cr3t-7f1e";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void theSecretAppearsInNoLogLineToStringOrExceptionMessage() {
        Credentials credentials = Credentials.of("KEY-123456", CANARY);
        HmacSigner hmac = HmacSigner.sha256(credentials.secretBytes());
        NonceSource nonces = new NonceSource(Clock.systemUTC());
        List<String> seen = new ArrayList<>();
        String log;
        try (ConsoleCapture console = ConsoleCapture.start(); FakeVenueServer server = FakeVenueServer.start()) {
            server.route("POST", "/api/v3/auth").respond(FakeResponse.status(503),
                    FakeResponse.json(401, "{\"code\":\"INVALID_SECRET\",\"message\":\"bad secret\"}"));
            server.route("GET", "/api/v3/accounts/balances").respond(FakeResponse.status(500),
                    FakeResponse.reset(), FakeResponse.tooManyRequests("0"), FakeResponse.stall());
            server.route("POST", "/api/v3/trading/order").respond(FakeResponse.stall());
            // a venue that quotes the refused request: as a JSON field, inside its message, as plain text
            server.route("POST", "/api/v3/echo").respondWith(received -> {
                String body = new String(received.body(), java.nio.charset.StandardCharsets.UTF_8);
                return FakeResponse.json(400, "{\"code\":\"BAD_REQUEST\",\"message\":\"cannot read "
                        + body.replace("\"", "\\\"") + "\",\"request\":" + body + "}");
            });
            server.route("POST", "/api/v3/echo-text").respondWith(received -> FakeResponse.text(502,
                    "upstream refused " + new String(received.body(), java.nio.charset.StandardCharsets.UTF_8)));
            server.route("POST", "/api/v3/echo-ok").respondWith(received -> FakeResponse.ok(
                    "<pre>" + new String(received.body(), java.nio.charset.StandardCharsets.UTF_8) + "</pre>"));
            RestOptions options = RestOptions.builder().venue("fake").baseUrl(server.baseUrl())
                    .backoff(Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(50))).maxAttempts(4)
                    .responseTimeout(Duration.ofMillis(300)).build();
            RestClient client = RestClient.builder(options)
                    .signer(request -> Mono.fromSupplier(() -> request.mutate()
                            .setHeader("X-KEY", credentials.apiKey())
                            .setHeader("X-NONCE", Long.toString(nonces.next()))
                            .setHeader("X-SIGN", hmac.signHex(request.body()))
                            .build()))
                    .redactor(SecretRedactor.of(() -> List.of(credentials.secretText())))
                    .build();
            RestRequest auth = RestRequest.post("/api/v3/auth").idempotent(true)
                    .jsonBody("{\"api_key\":\"" + credentials.apiKey() + "\",\"api_secret\":\""
                            + credentials.secretText() + "\"}")
                    .build();
            RestRequest balances = RestRequest.get("/api/v3/accounts/balances").build();
            RestRequest order = RestRequest.post("/api/v3/trading/order").jsonBody("{\"secret\":\"" + CANARY + "\"}")
                    .build();

            String authBody = new String(auth.body(), java.nio.charset.StandardCharsets.UTF_8);
            RestRequest echo = RestRequest.post("/api/v3/echo").jsonBody(authBody).build();
            RestRequest echoText = RestRequest.post("/api/v3/echo-text").idempotent(false).jsonBody(authBody).build();
            RestRequest echoOk = RestRequest.post("/api/v3/echo-ok").jsonBody(authBody).build();

            for (RestRequest request : List.of(auth, balances, order, echo, echoText, echoOk)) {
                seen.add(request.toString());
                Throwable error = client.retrieveTree(request).then(Mono.<Throwable>empty())
                        .onErrorResume(Mono::just).block(WAIT);
                assertThat(error).as("%s fails", request).isInstanceOf(io.exflux.api.error.ExchangeException.class);
                seen.addAll(ConsoleCapture.textsOf(error));
            }
            seen.add(client.toString());
            seen.add(options.toString());
            seen.add(hmac.toString());
            seen.add(credentials.toString());
            client.disposeLater().block(WAIT);
            log = console.text();
        }

        assertThat(log).as("the capture works: retries are logged at debug").contains("RetryStep");
        assertThat(seen).as("the echoes were kept, blanked").anySatisfy(text -> assertThat(String.valueOf(text))
                .contains("\"api_secret\":\"[redacted]\"").contains("KEY-123456"));
        assertThat(seen).anySatisfy(text -> assertThat(String.valueOf(text)).contains("upstream refused"));
        assertThat(log).doesNotContain(CANARY);
        assertThat(seen).isNotEmpty().allSatisfy(text -> assertThat(String.valueOf(text)).doesNotContain(CANARY));
    }
}
