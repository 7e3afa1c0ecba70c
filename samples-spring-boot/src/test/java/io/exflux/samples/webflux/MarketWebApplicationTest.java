package io.exflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.samples.cli.render.SampleJson;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The Spring Boot sample as configured in {@code application.properties} (the starter's simulator mode), as any
 * client sees it: its book and trade streams update from the simulator's market with an id on every event, its
 * health shows the venue, and refusals come with a status and a message.
 */
class MarketWebApplicationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT =
            new ParameterizedTypeReference<>() { };

    private static final HttpClient HTTP = HttpClient.newHttpClient();

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

    @Test
    void aMalformedDepthIsA400ThatSaysWhy() throws Exception {
        HttpResponse<String> answer = get("/api/BTC_USDT/book?depth=abc");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("depth must be a whole number from 1 to 50, not 'abc'");
        assertThat(get("/api/BTC_USDT/book?depth=0").statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownMarketIsA404ThatNamesIt() throws Exception {
        for (String path : List.of("/api/DOGE_USDT", "/api/DOGE_USDT/trades", "/api/DOGE_USDT/book")) {
            HttpResponse<String> answer = get(path);

            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).contains("DOGE");
        }
    }

    @Test
    void aMarketsDecimalsAreServedForThePage() throws Exception {
        HttpResponse<String> answer = get("/api/BTC_USDT");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"pair\":\"BTC/USDT\",\"symbol\":\"BTC_USDT\",\"base\":\"BTC\","
                + "\"quote\":\"USDT\",\"priceScale\":2,\"amountScale\":8}");
    }

    @Test
    void everyEventCarriesAnId() throws Exception {
        for (String stream : List.of("trades", "book")) {
            List<String> lines = firstLines("/api/BTC_USDT/" + stream, 12);

            List<String> ids = lines.stream().filter(l -> l.startsWith("id:")).toList();
            List<String> events = lines.stream().filter(l -> l.startsWith("event:")).toList();
            assertThat(events).as(stream).isNotEmpty();
            assertThat(ids).as(stream + ": one id per event").hasSizeGreaterThanOrEqualTo(events.size())
                    .allSatisfy(id -> assertThat(id).matches("id:\\s?\\S+"));
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(app.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first {@code count} non-blank lines of an event stream. */
    private static List<String> firstLines(String path, int count) throws Exception {
        CompletableFuture<HttpResponse<Stream<String>>> answer = HTTP.sendAsync(
                HttpRequest.newBuilder(app.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = answer.get(10, TimeUnit.SECONDS).body()) {
            return CompletableFuture.supplyAsync(() -> lines.filter(l -> !l.isBlank()).limit(count).toList())
                    .get(20, TimeUnit.SECONDS);
        }
    }
}
