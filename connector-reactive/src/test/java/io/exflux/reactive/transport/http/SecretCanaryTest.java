package io.exflux.reactive.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.config.Credentials;
import io.exflux.reactive.auth.HmacSigner;
import io.exflux.reactive.auth.NonceSource;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Runs signed calls through retries, venue errors, resets and timeouts with a canary secret, capturing every log
 * line (slf4j-simple, exflux loggers at debug), and checks that the secret shows up in no log line, no
 * {@code toString()} and no exception message.
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
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        System.setErr(new PrintStream(new Tee(captured, originalErr), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new Tee(captured, originalOut), true, StandardCharsets.UTF_8));
        try (FakeVenueServer server = FakeVenueServer.start()) {
            server.route("POST", "/api/v3/auth").respond(FakeResponse.status(503),
                    FakeResponse.json(401, "{\"code\":\"INVALID_SECRET\",\"message\":\"bad secret\"}"));
            server.route("GET", "/api/v3/accounts/balances").respond(FakeResponse.status(500),
                    FakeResponse.reset(), FakeResponse.tooManyRequests("0"), FakeResponse.stall());
            server.route("POST", "/api/v3/trading/order").respond(FakeResponse.stall());
            RestOptions options = RestOptions.builder().venue("fake").baseUrl(server.baseUrl())
                    .backoff(Duration.ofMillis(10), Duration.ofMillis(50)).jitter(0).maxAttempts(4)
                    .responseTimeout(Duration.ofMillis(300)).build();
            RestClient client = RestClient.builder(options)
                    .signer(request -> Mono.fromSupplier(() -> request.mutate()
                            .setHeader("X-KEY", credentials.apiKey())
                            .setHeader("X-NONCE", Long.toString(nonces.next()))
                            .setHeader("X-SIGN", hmac.signHex(request.body()))
                            .build()))
                    .build();
            RestRequest auth = RestRequest.post("/api/v3/auth").idempotent(true)
                    .jsonBody("{\"api_key\":\"" + credentials.apiKey() + "\",\"api_secret\":\""
                            + credentials.secretText() + "\"}")
                    .build();
            RestRequest balances = RestRequest.get("/api/v3/accounts/balances").build();
            RestRequest order = RestRequest.post("/api/v3/trading/order").jsonBody("{\"secret\":\"" + CANARY + "\"}")
                    .build();

            for (RestRequest request : List.of(auth, balances, order)) {
                seen.add(request.toString());
                Throwable error = client.exchange(request).then(Mono.<Throwable>empty())
                        .onErrorResume(Mono::just).block(WAIT);
                assertThat(error).as("%s fails", request).isNotNull();
                for (Throwable t = error; t != null; t = t.getCause()) {
                    seen.add(t.getMessage());
                    seen.add(t.toString());
                }
                seen.add(((io.exflux.api.error.ExchangeException) error).context().toString());
            }
            seen.add(client.toString());
            seen.add(options.toString());
            seen.add(hmac.toString());
            seen.add(credentials.toString());
            client.disposeLater().block(WAIT);
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).as("the capture works: retries are logged at debug").contains("RetryStep");
        assertThat(log).doesNotContain(CANARY);
        assertThat(seen).isNotEmpty().allSatisfy(text -> assertThat(String.valueOf(text)).doesNotContain(CANARY));
    }

    /** Writes to the capture and still to the original stream, so the test's output file keeps the lines. */
    private static final class Tee extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        Tee(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
            second.flush();
        }
    }
}
