package io.exflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.samples.cli.render.SampleJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The Spring Boot sample as configured in {@code application.properties} (the starter's simulator mode): its book
 * and trade streams update from the simulator's market, and its health shows the venue.
 */
class MarketWebApplicationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT =
            new ParameterizedTypeReference<>() { };

    private static MarketWebServer app;
    private static WebTestClient http;

    @BeforeAll
    static void start() {
        app = MarketWebServer.onSimulator();
        http = WebTestClient.bindToServer().baseUrl(app.uri().toString()).responseTimeout(PATIENCE).build();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theBookStreamUpdatesFromTheSimulator() {
        List<ServerSentEvent<String>> books = events("/api/BTC_USDT/book?depth=5", 3);

        assertThat(books).allSatisfy(event -> {
            assertThat(event.event()).isEqualTo("book");
            assertThat(event.data()).contains("\"bids\"").contains("\"asks\"");
        });
        assertThat(books).extracting(ServerSentEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void theTradeStreamUpdatesFromTheSimulator() {
        List<ServerSentEvent<String>> trades = events("/api/BTC_USDT/trades", 3);

        assertThat(trades).allSatisfy(event -> {
            assertThat(event.event()).isEqualTo("trade");
            assertThat(event.data()).contains("\"price\"");
        });
        assertThat(trades).extracting(ServerSentEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void theHealthShowsTheVenueUp() throws Exception {
        String body = http.get().uri("/actuator/health/exflux").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        JsonNode health = SampleJson.mapper().readTree(body);
        assertThat(health.path("status").asText()).as(body).isEqualTo("UP");
        assertThat(health.path("components").path("alp").path("details").path("venue").asText()).isEqualTo("alp");
        assertThat(health.path("components").path("alp").path("details").path("rest").asText()).startsWith("ok");
    }

    /** The first {@code count} events of a stream (keep-alive comments skipped). */
    private static List<ServerSentEvent<String>> events(String path, int count) {
        Flux<ServerSentEvent<String>> body = http.get().uri(path).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(EVENT).getResponseBody();
        return body.filter(event -> event.event() != null).take(count).collectList().block(PATIENCE);
    }
}
