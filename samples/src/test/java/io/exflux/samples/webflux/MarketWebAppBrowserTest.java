package io.exflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.reactive.venue.alp.AlpExchangeClient;
import io.exflux.reactive.venue.alp.AlpOptions;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.sim.GeneratorSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The WebFlux sample end to end: the ALP simulator's lively market, the real ALP client, the app
 * serving it as server-sent events, and the page in headless Chromium. The page must draw a depth chart and a trade tape, and
 * both must keep changing.
 */
class MarketWebAppBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** What the page shows, read from its DOM. */
    private static final String READ_PAGE = "JSON.stringify({"
            + "books: Number(document.getElementById('book-count').textContent),"
            + "trades: Number(document.getElementById('trade-count').textContent),"
            + "mid: document.getElementById('mid').textContent,"
            + "bids: document.querySelector('#depth path.bids').getAttribute('d'),"
            + "asks: document.querySelector('#depth path.asks').getAttribute('d'),"
            + "tape: Array.from(document.querySelectorAll('#tape li')).map(li => li.dataset.id),"
            + "firstTrade: (document.querySelector('#tape li') || {}).textContent || ''})";

    @Test
    void pageShowsALiveDepthChartAndTradeTapeThatKeepUpdating() throws Exception {
        AlpSimulatorOptions lively = AlpSimulatorOptions.builder()
                .generator(GeneratorSettings.defaults().withStepInterval(Duration.ofMillis(20))).build();
        try (AlpSimulator alp = AlpSimulator.start(lively);
             AlpExchangeClient client = AlpExchangeClient.create(AlpOptions.builder()
                     .restUrl(alp.restBaseUrl()).wsUrl(alp.websocketUrl()).build());
             MarketWebApp app = MarketWebApp.start(client, "127.0.0.1", 0);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            assertThat(get(app.uri().resolve("/api/pairs")))
                    .isEqualTo("[{\"pair\":\"BTC/USDT\",\"symbol\":\"BTC_USDT\"},{\"pair\":\"ETH/USDT\",\"symbol\":\"ETH_USDT\"}]");
            assertThat(status(app.uri().resolve("/api/DOGE_USDT/trades"))).isEqualTo(404);

            HeadlessChromium.Page page = chromium.open(app.uri().resolve("/?pair=BTC_USDT"));
            JsonNode first = waitFor(page, view -> view.get("books").asInt() >= 1 && view.get("trades").asInt() >= 1);
            assertThat(first.get("bids").asText()).startsWith("M").contains(" L").endsWith("Z");
            assertThat(first.get("asks").asText()).startsWith("M").contains(" L").endsWith("Z");
            assertThat(first.get("mid").asText()).matches("\\d+(\\.\\d+)?");
            assertThat(first.get("firstTrade").asText())
                    .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\s+(BUY|SELL)\\s+[0-9.]+ @ [0-9.]+");

            JsonNode later = waitFor(page, view -> view.get("books").asInt() > first.get("books").asInt() + 3
                    && view.get("trades").asInt() > first.get("trades").asInt() + 3);
            assertThat(later.get("tape").get(0).asText())
                    .as("the newest trade on the tape changed").isNotEqualTo(first.get("tape").get(0).asText());
            assertThat(later.get("tape").size()).isBetween(1, 25);
            page.screenshot(java.nio.file.Path.of(System.getProperty("exflux.screenshots.dir", "target"), "market-web.png"));
        }
    }

    private static JsonNode waitFor(HeadlessChromium.Page page, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode view = null;
        while (System.nanoTime() < deadline) {
            JsonNode value = page.evaluate(READ_PAGE);
            if (value.isTextual()) {
                view = io.exflux.samples.cli.render.SampleJson.mapper().readTree(value.asText());
                if (condition.test(view)) {
                    return view;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the page did not get there within " + PATIENCE + "; it shows " + view);
    }

    private static String get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int status(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
