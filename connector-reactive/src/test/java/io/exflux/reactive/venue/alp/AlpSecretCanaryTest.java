package io.exflux.reactive.venue.alp;

import io.exflux.reactive.config.Backoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.config.Credentials;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.OrderOutcomeUnknownException;
import io.exflux.reactive.testsupport.ConsoleCapture;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The API secret and the JWT the venue hands out reach no log line, {@code toString()} or exception message, on
 * every failure path of the ALP REST client: refused token, token answer that is not one, 401 after 401, 5xx,
 * timeout of an order (an unknown outcome, with a failed lookup suppressed in it), and a venue that echoes the
 * token request's body (with {@code api_secret}) or the token itself in its error answers.
 */
class AlpSecretCanaryTest {

    private static final String SECRET = "CANARY-api-s3cr3t";
    private static final String JWT = AlpTestJwt.withExp(4_000_000_000L, "CANARY-jwt-subject");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void neitherTheSecretNorTheTokenShowsAnywhere() {
        List<String> seen = new ArrayList<>();
        String log;
        try (ConsoleCapture console = ConsoleCapture.start(); FakeVenueServer server = FakeVenueServer.start()) {
            List<FakeResponse> authAnswers = List.of(
                    FakeResponse.json(401, "{\"code\":\"INVALID_SECRET\",\"message\":\"bad secret\"}"),
                    FakeResponse.ok("\"" + JWT), // an unterminated JSON string: not a token
                    FakeResponse.ok("\"" + JWT + "\""));
            AtomicInteger auths = new AtomicInteger();
            server.route("POST", "/api/v3/auth").respondWith(request -> {
                int n = auths.getAndIncrement();
                String body = new String(request.body(), StandardCharsets.UTF_8);
                // first a venue that quotes the refused body (it carries api_secret) in its message and as is
                return n == 0 ? FakeResponse.json(400, "{\"code\":\"BAD_REQUEST\",\"message\":\"cannot read "
                        + body.replace("\"", "\\\"") + "\",\"request\":" + body + "}")
                        : n == 1 ? FakeResponse.text(400, "refused " + body)
                        : authAnswers.get(Math.min(n - 2, authAnswers.size() - 1));
            });
            // a venue that quotes the refused token in free text
            server.route("GET", "/api/v3/accounts/balances").respondWith(request -> FakeResponse.json(401,
                    "{\"message\":\"session " + request.header("Authorization") + " refused\"}"));
            server.route("GET", "/api/v3/accounts/order").respond(FakeResponse.status(500));
            server.route("POST", "/api/v3/trading/order").respond(FakeResponse.stall());
            AlpOptions options = AlpOptions.builder().restUrl(server.baseUrl() + "/api/v3")
                    .credentials(Credentials.of("KEY-123456", SECRET)).backoff(Backoff.equalJitter(Duration.ofMillis(10), Duration.ofSeconds(5)))
                    .responseTimeout(Duration.ofSeconds(1)).rateLimit(AlpOptions.PUBLIC_SCOPE, null).rateLimit(AlpOptions.PRIVATE_SCOPE, null).build();
            AlpRestClient client = new AlpRestClient(options);

            List<Supplier<Mono<?>>> calls = List.of(
                    () -> client.balances().collectList(), // token refused, the body echoed as JSON
                    () -> client.balances().collectList(), // token refused, the body echoed as text
                    () -> client.balances().collectList(), // token refused
                    () -> client.balances().collectList(), // token answer unreadable
                    () -> client.balances().collectList(), // a token, then 401, a fresh token, 401 again
                    () -> client.orders(AlpOrdersQuery.ALL).collectList(), // 500, retried, still 500
                    // timeout: an unknown outcome, after a lookup by client order id that fails with 500s
                    () -> client.placeOrder(io.exflux.reactive.venue.alp.model.AlpOrderRequest.limit("BTC_USDT",
                            io.exflux.reactive.venue.alp.model.AlpSide.BUY, BigDecimal.ONE, BigDecimal.TEN)
                            .withClientOrderId("canary-order")));
            Throwable last = null;
            for (Supplier<Mono<?>> call : calls) {
                Throwable error = call.get().then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block(WAIT);
                assertThat(error).isInstanceOf(ExchangeException.class);
                seen.addAll(ConsoleCapture.textsOf(error));
                for (Throwable suppressed : error.getSuppressed()) {
                    seen.addAll(ConsoleCapture.textsOf(suppressed));
                }
                last = error;
            }
            assertThat(last).isInstanceOfSatisfying(OrderOutcomeUnknownException.class, unknown -> {
                seen.add(unknown.sentRequest());
                seen.add(String.valueOf(unknown.clientOrderId()));
            });
            assertThat(server.requests("POST", "/api/v3/auth")).hasSizeGreaterThanOrEqualTo(5);
            seen.add(client.toString());
            seen.add(client.tokens().toString());
            seen.add(options.toString());
            client.disposeLater().block(WAIT);
            log = console.text();
        }

        assertThat(seen).as("the echoes reached the errors, blanked").anySatisfy(text -> assertThat(
                String.valueOf(text)).contains("api_secret\\\":\\\"[redacted]"));
        assertThat(seen).anySatisfy(text -> assertThat(String.valueOf(text)).contains("session Bearer [redacted]"));
        assertThat(log).doesNotContain(SECRET).doesNotContain(JWT).doesNotContain(JWT.substring(JWT.indexOf('.') + 1));
        assertThat(seen).allSatisfy(text -> assertThat(String.valueOf(text))
                .doesNotContain(SECRET).doesNotContain(JWT).doesNotContain(JWT.substring(JWT.indexOf('.') + 1)));
    }
}
