package io.exflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.sim.GeneratorSettings;
import java.net.URI;
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

/** The sample's HTTP answers as any client sees them: refusals with a status and a message, SSE ids. */
class MarketWebRoutesTest {

    private static AlpSimulator alp;
    private static MarketWebServer app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        alp = AlpSimulator.start(AlpSimulatorOptions.builder()
                .generator(GeneratorSettings.defaults().withStepInterval(Duration.ofMillis(20))).build());
        app = MarketWebServer.onAlp(alp.restBaseUrl(), alp.websocketUrl());
    }

    @AfterAll
    static void stop() {
        app.close();
        alp.close();
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
