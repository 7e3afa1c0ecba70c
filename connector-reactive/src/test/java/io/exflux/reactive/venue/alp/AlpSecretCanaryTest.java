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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The API secret and the JWT the venue hands out reach no log line, {@code toString()} or exception message, on
 * every failure path of the ALP REST client: refused token, token answer that is not one, 401 after 401, 5xx,
 * timeout of an order (an unknown outcome, with a failed lookup suppressed in it).
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
            server.route("POST", "/api/v3/auth").respond(
                    FakeResponse.json(401, "{\"code\":\"INVALID_SECRET\",\"message\":\"bad secret\"}"),
                    FakeResponse.ok("\"" + JWT), // an unterminated JSON string: not a token
                    FakeResponse.ok("\"" + JWT + "\""));
            server.route("GET", "/api/v3/accounts/balances").respond(FakeResponse.status(401));
            server.route("GET", "/api/v3/accounts/order").respond(FakeResponse.status(500));
            server.route("POST", "/api/v3/trading/order").respond(FakeResponse.stall());
            AlpOptions options = AlpOptions.builder().restUrl(server.baseUrl() + "/api/v3")
                    .credentials(Credentials.of("KEY-123456", SECRET)).backoff(Backoff.equalJitter(Duration.ofMillis(10), Duration.ofSeconds(5)))
                    .responseTimeout(Duration.ofMillis(300)).rateLimit(AlpOptions.PUBLIC_SCOPE, null).rateLimit(AlpOptions.PRIVATE_SCOPE, null).build();
            AlpRestClient client = new AlpRestClient(options);

            List<Supplier<Mono<?>>> calls = List.of(
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
            assertThat(server.requests("POST", "/api/v3/auth")).hasSizeGreaterThanOrEqualTo(3);
            seen.add(client.toString());
            seen.add(client.tokens().toString());
            seen.add(options.toString());
            client.disposeLater().block(WAIT);
            log = console.text();
        }

        assertThat(log).doesNotContain(SECRET).doesNotContain(JWT).doesNotContain(JWT.substring(JWT.indexOf('.') + 1));
        assertThat(seen).allSatisfy(text -> assertThat(String.valueOf(text))
                .doesNotContain(SECRET).doesNotContain(JWT).doesNotContain(JWT.substring(JWT.indexOf('.') + 1)));
    }
}
