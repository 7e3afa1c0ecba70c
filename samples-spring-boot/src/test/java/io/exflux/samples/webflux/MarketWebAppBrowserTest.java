package io.exflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * serving it as server-sent events, and the page in headless Chromium. The page must draw a depth chart
 * with labelled price and cumulative-size axes on a scale that does not jump every frame, and a trade
 * tape of one-line rows, both updating; an unknown market and a bad parameter must show the server's
 * refusal instead of retrying forever. Screenshots of both go to {@code target/}.
 */
class MarketWebAppBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final java.nio.file.Path SCREENSHOTS =
            java.nio.file.Path.of(System.getProperty("exflux.screenshots.dir", "target"));

    /** What the page shows, read from its DOM. */
    private static final String READ_PAGE = "JSON.stringify({"
            + "books: Number(document.getElementById('book-count').textContent),"
            + "trades: Number(document.getElementById('trade-count').textContent),"
            + "mid: document.getElementById('mid').textContent,"
            + "bids: document.querySelector('#depth path.bids').getAttribute('d'),"
            + "asks: document.querySelector('#depth path.asks').getAttribute('d'),"
            + "tape: Array.from(document.querySelectorAll('#tape li')).map(li => li.dataset.id),"
            + "firstTrade: (document.querySelector('#tape li') || {}).textContent || '',"
            + "xLabels: Array.from(document.querySelectorAll('#x-labels text')).map(t => t.textContent),"
            + "yLabels: Array.from(document.querySelectorAll('#y-labels text')).map(t => t.textContent),"
            + "xTitle: document.getElementById('x-title').textContent,"
            + "yTitle: document.getElementById('y-title').textContent,"
            + "rescales: rescales,"
            + "tallRows: Array.from(document.querySelectorAll('#tape li')).filter(li => li.getBoundingClientRect().height"
            + "  > 1.5 * parseFloat(getComputedStyle(li).lineHeight)).map(li => li.textContent),"
            + "status: document.getElementById('status').textContent,"
            + "error: document.getElementById('error').textContent})";

    @Test
    void pageShowsALiveDepthChartAndTradeTapeThatKeepUpdating() throws Exception {
        AlpSimulatorOptions lively = AlpSimulatorOptions.builder()
                .generator(GeneratorSettings.defaults().withStepInterval(Duration.ofMillis(20))).build();
        try (AlpSimulator alp = AlpSimulator.start(lively);
             MarketWebServer app = MarketWebServer.onAlp(alp.restBaseUrl(), alp.websocketUrl());
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

            JsonNode later = waitFor(page, view -> view.get("books").asInt() > first.get("books").asInt() + 20
                    && view.get("trades").asInt() > first.get("trades").asInt() + 3);
            assertThat(later.get("tape").get(0).asText())
                    .as("the newest trade on the tape changed").isNotEqualTo(first.get("tape").get(0).asText());
            assertThat(later.get("tape").size()).isBetween(1, 25);
            assertThat(later.get("firstTrade").asText()).as("amount and price at the market's decimals")
                    .matches(".*(BUY|SELL)\\s+[0-9]+\\.[0-9]{8} @ [0-9]+\\.[0-9]{2}");
            assertThat(later.get("tallRows")).as("tape rows taller than one line").isEmpty();
            assertThat(texts(later.get("xLabels"))).as("price axis labels").hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(label -> assertThat(label).matches("[0-9]+\\.[0-9]{2}"));
            assertThat(texts(later.get("xLabels")).stream().map(java.math.BigDecimal::new).toList())
                    .as("ascending prices around the mid").isSorted()
                    .anySatisfy(p -> assertThat(p).isLessThan(new java.math.BigDecimal(later.get("mid").asText())))
                    .anySatisfy(p -> assertThat(p).isGreaterThan(new java.math.BigDecimal(later.get("mid").asText())));
            assertThat(texts(later.get("yLabels"))).as("cumulative size axis labels").hasSizeGreaterThanOrEqualTo(3)
                    .first().isIn("0", "0.0", "0.00", "0.000");
            assertThat(later.get("xTitle").asText()).isEqualTo("price (USDT)");
            assertThat(later.get("yTitle").asText()).isEqualTo("cumulative size (BTC)");
            assertThat(later.get("rescales").asInt()).as("the scale moved on fewer than half of the books")
                    .isLessThan(later.get("books").asInt() / 2);
            page.screenshot(SCREENSHOTS.resolve("market-web.png"));

            HeadlessChromium.Page unknown = chromium.open(app.uri().resolve("/?pair=DOGE_USDT"));
            JsonNode refused = waitFor(unknown, view -> view.get("status").asText().equals("error"));
            assertThat(refused.get("error").asText()).startsWith("404: ").contains("DOGE");
            assertThat(refused.get("books").asInt()).isZero();
            unknown.screenshot(SCREENSHOTS.resolve("market-web-unknown-pair.png"));

            HeadlessChromium.Page badDepth = chromium.open(app.uri().resolve("/?pair=BTC_USDT&depth=abc"));
            JsonNode bad = waitFor(badDepth, view -> view.get("status").asText().equals("error"));
            assertThat(bad.get("error").asText()).startsWith("400: ").contains("depth").contains("abc");
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

    private static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
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
