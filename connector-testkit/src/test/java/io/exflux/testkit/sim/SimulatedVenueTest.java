package io.exflux.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.testkit.server.ErrorReply;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.RouteTable;
import io.exflux.testkit.server.TopicHub;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * A second venue needs only its front: a toy venue with its own error shape, two routes and a websocket
 * gets the status codes, the body limit, the request budget, faults, accounts and candles from the platform.
 */
class SimulatedVenueTest {

    /** The whole front of a made-up venue. */
    static final class ToyVenue extends SimulatedVenue {

        static final ErrorReply ERRORS = (status, message) ->
                FakeResponse.json(status, "{\"ok\":false,\"error\":\"" + message + "\"}");

        ToyVenue(Settings settings) {
            super(settings, ERRORS);
            serveRest(new RouteTable("/toy", ERRORS, List.of("application/json"))
                    .get("/price", p -> Mono.just(FakeResponse.ok("{\"pair\":\"" + p.required("pair") + "\"}")))
                    .get("/candles", p -> Mono.just(FakeResponse.ok("{\"count\":" + candles(CurrencyPair.of("BTC", "USDT"),
                            p.longValue("width", 3600), 0, 0, 1000).size() + "}"))));
            TopicHub hub = new TopicHub(5);
            serveWebsocket("/stream", session -> {
                TopicHub.Member member = hub.join(session);
                return session.inbound().doOnNext(topic -> hub.subscribe(member, topic)).then();
            });
            startGenerator();
        }

        ApiKeys.ApiKey open() {
            return openAccount(Map.of("USDT", BigDecimal.TEN));
        }
    }

    /** The toy venue's settings: the shared ones only. */
    static final class Settings extends VenueSettings {
        Settings(Builder b) {
            super(b);
        }

        static final class Builder extends VenueSettings.Builder<Builder> {
            Builder() {
                super(List.of(MarketSpec.of("BTC", "USDT", 2, 8, "0.0001", "100", "10")));
            }

            @Override
            protected Builder self() {
                return this;
            }

            Settings build() {
                return new Settings(this);
            }
        }
    }

    private static int status(String method, String url, Map<String, String> headers, byte[] body) {
        return HttpClient.create().disableRetry(true).headers(h -> headers.forEach(h::set))
                .request(io.netty.handler.codec.http.HttpMethod.valueOf(method)).uri(url)
                .send(body == null ? Mono.empty() : Mono.just(io.netty.buffer.Unpooled.wrappedBuffer(body)))
                .responseSingle((response, content) -> Mono.just(response.status().code()))
                .block(Duration.ofSeconds(10));
    }

    private static String get(String url) {
        return HttpClient.create().get().uri(url).responseContent().aggregate().asString(StandardCharsets.UTF_8)
                .block(Duration.ofSeconds(10));
    }

    @Test
    void theFrontGetsStatusCodesLimitsBudgetFaultsAccountsAndCandlesFromThePlatform() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        Settings settings = new Settings.Builder().generatorEnabled(false).clock(clock).requestsPerSecond(50)
                .maxRequestBody(100).candleHistory(Duration.ofDays(2)).build();
        try (ToyVenue toy = new ToyVenue(settings)) {
            String base = toy.server().baseUrl() + "/toy";
            assertThat(get(base + "/price?pair=BTC")).isEqualTo("{\"pair\":\"BTC\"}");
            assertThat(get(base + "/price")).isEqualTo("{\"ok\":false,\"error\":\"pair is required\"}");
            assertThat(status("GET", base + "/nope", Map.of(), null)).isEqualTo(404);
            assertThat(status("POST", base + "/price", Map.of(), null)).isEqualTo(405);
            assertThat(status("GET", base + "/price?pair=X", Map.of("Accept", "text/csv"), null)).isEqualTo(406);
            assertThat(status("POST", base + "/price", Map.of(), new byte[101])).isEqualTo(413);
            assertThat(get(base + "/candles?width=3600")).isEqualTo("{\"count\":48}");

            toy.faults().serverErrors(1, 503);
            assertThat(status("GET", base + "/price?pair=X", Map.of(), null)).isEqualTo(503);
            int throttled = 0;
            for (int i = 0; i < 60; i++) {
                throttled += status("GET", base + "/price?pair=X", Map.of(), null) == 429 ? 1 : 0;
            }
            assertThat(throttled).isPositive();

            ApiKeys.ApiKey key = toy.open();
            assertThat(key.toString()).doesNotContain(key.secret());
            assertThat(toy.simulator().balances(key.accountId()).block(Duration.ofSeconds(5)))
                    .singleElement().satisfies(b -> assertThat(b.total()).isEqualByComparingTo("10"));
        }
    }
}
