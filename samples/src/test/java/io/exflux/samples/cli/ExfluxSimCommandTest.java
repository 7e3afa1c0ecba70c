package io.exflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.samples.cli.venue.AlpConnector;
import io.exflux.samples.cli.venue.VenueRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code exflux sim} as a user runs it: one simulator server, and from "another shell" {@code place},
 * {@code orders} and {@code cancel} against it with the key and secret it printed, so the id
 * {@code place} shows is the one that gets cancelled.
 */
class ExfluxSimCommandTest {

    private static final Pattern LINE = Pattern.compile("^  (REST|websocket|api key|api secret)\\s+(\\S+)$",
            Pattern.MULTILINE);

    private final VenueRegistry venues = new VenueRegistry(List.of(new AlpConnector()));

    @Test
    void placeOrdersAndCancelAgainstOneSimulatorServer() throws Exception {
        int port = freePort();
        CliHarness sim = new CliHarness(venues, Map.of(), false);
        CompletableFuture<Integer> server = CompletableFuture.supplyAsync(
                () -> sim.run("sim", "--venue", "alp", "--port", String.valueOf(port), "--seed", "7"));
        while (!sim.out().contains("Ctrl-C stops the simulator.") && !server.isDone()) {
            Thread.sleep(20);
        }
        Map<String, String> printed = printed(sim.out());
        assertThat(printed).containsEntry("REST", "http://127.0.0.1:" + port + "/api/v3")
                .containsEntry("websocket", "ws://127.0.0.1:" + port + "/ws")
                .containsKeys("api key", "api secret");
        assertThat(sim.out()).contains("seed 7").contains("100000 USDT");
        assertThat(get(printed.get("REST") + "/pairs")).as("curl works too").contains("BTC_USDT");
        long now = java.time.Instant.now().getEpochSecond();
        String month = get(printed.get("REST") + "/charts?pair=BTC_USDT&interval=60&since=" + (now - 30 * 86_400)
                + "&until=" + now);
        assertThat(io.exflux.samples.cli.render.SampleJson.mapper().readTree(month).size())
                .as("a month of hourly candles from the generated history: a full page").isEqualTo(500);

        CliHarness shell = new CliHarness(venues, Map.of("EXFLUX_ALP_API_KEY", printed.get("api key"),
                "EXFLUX_ALP_API_SECRET", printed.get("api secret")), false);
        String[] at = {"--url", printed.get("REST"), "--ws-url", printed.get("websocket")};

        assertThat(shell.run(with(at, "place", "--pair", "BTC_USDT", "--side", "buy", "--amount", "0.01",
                "--price", "50000"))).as(shell::err).isZero();
        String placed = shell.out();
        String id = placed.lines().filter(l -> l.contains("BTC/USDT")).findFirst().orElseThrow().split("\\s+")[0];
        assertThat(placed).as("the order as the venue holds it: open, with its time")
                .containsPattern(id + "\\s+BTC/USDT\\s+BUY\\s+LIMIT\\s+OPEN\\s+50000\\.00\\s+0\\.01000000\\s+0\\.00000000\\s+20\\d\\d-");

        assertThat(shell.run(with(at, "orders"))).isZero();
        assertThat(shell.out().substring(placed.length())).containsPattern(id + "\\s+BTC/USDT\\s+BUY\\s+LIMIT\\s+OPEN");

        assertThat(shell.run(with(at, "cancel", "--id", id, "--pair", "BTC_USDT"))).as(shell::err).isZero();
        assertThat(shell.out()).contains("cancelled " + id);
        int before = shell.out().length();
        assertThat(shell.run(with(at, "orders"))).isZero();
        assertThat(shell.out().substring(before)).doesNotContain(id);
        assertThat(shell.err()).doesNotContain("embedded ALP simulator");

        sim.pressCtrlC();
        assertThat(server.get(15, TimeUnit.SECONDS)).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(sim.hasHook()).isFalse();
        assertThat(reachable(port)).as("port released").isFalse();
    }

    /** The v1 venues: REST, charts with history and the printed demo key on one port; the port is released. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"btc-alpha", "bitexbit"})
    void aV1VenueServesItsRestChartsAndDemoAccountOnOnePort(String venue) throws Exception {
        int port = freePort();
        CliHarness sim = new CliHarness(venues, Map.of(), false);
        CompletableFuture<Integer> server = CompletableFuture.supplyAsync(
                () -> sim.run("sim", "--venue", venue, "--port", String.valueOf(port), "--seed", "7"));
        while (!sim.out().contains("Ctrl-C stops the simulator.") && !server.isDone()) {
            Thread.sleep(20);
        }
        Map<String, String> printed = printed(sim.out());
        assertThat(printed).containsEntry("REST", "http://127.0.0.1:" + port + "/api/v1").containsKeys("api key", "api secret");
        assertThat(sim.out()).contains("seed 7").contains("100000 USD").contains("ws://127.0.0.1:" + port + "/socket.io/");

        assertThat(politely(printed.get("REST") + "/pairs/", Map.of())).as("curl works").contains("BTC_USD");
        String hourly = politely("http://127.0.0.1:" + port + "/api/charts/BTC_USD/60/chart?limit=720", Map.of());
        assertThat(io.exflux.samples.cli.render.SampleJson.mapper().readTree(hourly).size())
                .as("a month of hourly candles from the generated history").isEqualTo(720);
        String key = printed.get("api key");
        String wallets = politely(printed.get("REST") + "/wallets/?currency_id=USD", Map.of("X-KEY", key,
                "X-SIGN", io.exflux.testkit.v1.V1Signature.sign(key, printed.get("api secret"), Map.of()),
                "X-NONCE", Long.toString(System.currentTimeMillis())));
        assertThat(wallets).as("the printed key signs").contains("\"balance\":100000");

        sim.pressCtrlC();
        assertThat(server.get(15, TimeUnit.SECONDS)).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(released(port)).as("port released").isTrue();
    }

    /** Whether the port stops answering within a few seconds (a busy machine may take a moment to let it go). */
    private static boolean released(int port) throws InterruptedException {
        for (int i = 0; i < 50 && reachable(port); i++) {
            Thread.sleep(100);
        }
        return !reachable(port);
    }

    /** A GET that waits out a 429 as its Retry-After says (BTC-Alpha answers one call a second). */
    private static String politely(String url, Map<String, String> headers) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            headers.forEach(request::header);
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt == 5) {
                return response.body();
            }
            Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
        }
    }

    /** BTSE: REST under /spot and both websocket hosts on one port; the printed key signs; the port is released. */
    @Test
    void btseServesItsRestBothSocketsAndDemoAccountOnOnePort() throws Exception {
        int port = freePort();
        CliHarness sim = new CliHarness(venues, Map.of(), false);
        CompletableFuture<Integer> server = CompletableFuture.supplyAsync(
                () -> sim.run("sim", "--venue", "btse", "--port", String.valueOf(port), "--seed", "7"));
        while (!sim.out().contains("Ctrl-C stops the simulator.") && !server.isDone()) {
            Thread.sleep(20);
        }
        Map<String, String> printed = printed(sim.out());
        assertThat(printed).containsEntry("REST", "http://127.0.0.1:" + port + "/spot")
                .containsEntry("websocket", "ws://127.0.0.1:" + port + "/ws/spot").containsKeys("api key", "api secret");
        assertThat(sim.out()).contains("seed 7").contains("100000 USD").contains("ws://127.0.0.1:" + port + "/ws/oss/spot");
        assertThat(politely(printed.get("REST") + "/api/v3.2/market_summary?symbol=BTC-USD", Map.of()))
                .as("curl works").contains("\"minPriceIncrement\"");
        String nonce = Long.toString(System.currentTimeMillis());
        String wallet = politely(printed.get("REST") + "/api/v3.2/user/wallet", Map.of("btse-api", printed.get("api key"),
                "btse-nonce", nonce, "btse-sign", io.exflux.testkit.btse.BtseSignature.sign(printed.get("api secret"),
                        "/api/v3.2/user/wallet", nonce, "")));
        assertThat(wallet).as("the printed key signs").contains("\"currency\":\"USD\"").contains("100000");

        sim.pressCtrlC();
        assertThat(server.get(15, TimeUnit.SECONDS)).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(released(port)).as("port released").isTrue();
    }

    @Test
    void aVenueWithoutASimulatorSaysSoWithExit3() {
        CliHarness cli = new CliHarness(venues, Map.of(), false);

        assertThat(cli.run("sim", "--venue", "kraken")).isEqualTo(ExitCodes.UNSUPPORTED);
        assertThat(cli.err().lines())
                .containsExactly("exflux: venue 'kraken' has no simulator yet (simulated: alp, btc-alpha, bitexbit, btse)");
    }

    private static Map<String, String> printed(String output) {
        Matcher m = LINE.matcher(output);
        Map<String, String> values = new java.util.HashMap<>();
        while (m.find()) {
            values.put(m.group(1), m.group(2));
        }
        return values;
    }

    private static String[] with(String[] at, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + at.length);
        System.arraycopy(at, 0, all, args.length, at.length);
        return all;
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean reachable(int port) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
