package io.exflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.samples.cli.render.SampleJson;
import io.exflux.samples.cli.venue.AlpConnector;
import io.exflux.samples.cli.venue.VenueRegistry;
import io.exflux.testkit.alp.AlpAccount;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.sim.GeneratorSettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of {@code exflux} run in-process, as a user would type it, against the ALP simulator
 * through the real {@code AlpExchangeClient}: the default embedded mode (the CLI starts a simulator per
 * run) and {@code --live} pointed at a simulator this test started, with credentials from the injected
 * environment or a key file.
 */
class ExfluxSimulatorTest {

    /** A market generator stepping every 20 ms, so a second of {@code book} shows plenty. */
    private static final AlpSimulatorOptions LIVELY = AlpSimulatorOptions.builder()
            .generator(GeneratorSettings.defaults().withStepInterval(Duration.ofMillis(20)))
            .build();

    private final RecordingConnector alp = new RecordingConnector(new AlpConnector(LIVELY, b -> b));
    private final VenueRegistry venues = new VenueRegistry(List.of(alp));

    private CliHarness cli(boolean terminal) {
        return new CliHarness(venues, Map.of(), terminal);
    }

    @Test
    void bookPipedPrintsBookAndTradeLinesFromTheSimulatorAndStopsAfterDuration() {
        CliHarness cli = cli(false);

        int exit = cli.run("book", "--venue", "alp", "--pair", "BTC_USDT", "--depth", "5", "--duration", "3s");

        assertThat(exit).isZero();
        assertThat(cli.err()).startsWith("exflux: embedded ALP simulator on 127.0.0.1:");
        assertThat(cli.out()).doesNotContain("\u001b[");
        assertThat(cli.out().lines().filter(l -> l.startsWith("book ")))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l)
                        .matches("book  \\d\\d:\\d\\d:\\d\\d\\.\\d{3}  BTC/USDT  bid [0-9.]+ x [0-9.]+  ask [0-9.]+ x [0-9.]+"
                                + "  spread [0-9.]+  mid [0-9.]+  levels 5/5"));
        assertThat(cli.out().lines().filter(l -> l.startsWith("trade ")))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).matches("trade \\d\\d:\\d\\d:\\d\\d\\.\\d{3}  BTC/USDT  (BUY|SELL) [0-9.]+ @ [0-9.]+"));
        assertThat(cli.hasHook()).as("Ctrl-C hook removed once done").isFalse();
        assertThat(alp.sessions).singleElement().satisfies(s -> assertThat(s.isClosed()).isTrue());
    }

    @Test
    void bookOnATerminalRedrawsTheScreenInPlace() {
        CliHarness cli = cli(true);

        int exit = cli.run("book", "--pair", "BTC_USDT", "--depth", "4", "--duration", "3s", "--refresh", "100ms");

        assertThat(exit).isZero();
        String screen = cli.out();
        assertThat(screen).startsWith("\u001b[?25l\u001b[2J").endsWith("\u001b[?25h");
        String[] frames = screen.split("\u001b\\[H");
        assertThat(frames.length - 1).as("frames drawn").isGreaterThan(3);
        String last = frames[frames.length - 1].replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "");
        assertThat(last).contains("alp  BTC/USDT  simulator").contains("ASK SIZE").contains("BID SIZE")
                .containsPattern("spread [0-9]+\\.[0-9]{2}  mid [0-9]+\\.[0-9]{2}").contains("TRADES (newest first)");
        assertThat(last.lines().filter(l -> l.matches("\\s*[0-9]+\\.[0-9]{8}\\s+[0-9]+\\.[0-9]{2}\\s{3}.*"))).as("ask rows").hasSize(4);
        assertThat(last.lines().filter(l -> l.matches("\\s{10,}[0-9]+\\.[0-9]{2}\\s+[0-9]+\\.[0-9]{8}\\s{3}.*"))).as("bid rows").hasSize(4);
    }

    @Test
    void ctrlCDisposesTheStreamClosesClientAndSimulatorAndExits130() throws Exception {
        CliHarness cli = cli(false);

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.run("book"));
        while (!cli.out().contains("trade ") || !cli.hasHook()) {
            Thread.sleep(20);
        }
        cli.pressCtrlC();

        assertThat(exit.get(15, TimeUnit.SECONDS)).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(alp.sessions).singleElement().satisfies(s -> assertThat(s.isClosed())
                .as("client and simulator closed").isTrue());
        assertThat(cli.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownPairIsOneLineAndExit6() {
        CliHarness cli = cli(false);

        int exit = cli.run("book", "--pair", "BTC_XYZ", "--duration", "5s");

        assertThat(exit).isEqualTo(ExitCodes.INVALID_REQUEST);
        assertThat(errorLines(cli)).containsExactly("exflux: not found: alp has no market BTC/XYZ");
    }

    @Test
    void rateLimitedCallIsOneTypedLineAndExit5() {
        // The simulator counts requests per clock second; a stopped clock keeps every request of this run
        // in one second, so the second request is refused however the calls fall across a second boundary.
        Clock stopped = Clock.fixed(Instant.parse("2026-11-22T12:00:00.500Z"), ZoneOffset.UTC);
        VenueRegistry strict = new VenueRegistry(List.of(new AlpConnector(
                LIVELY.mutate().requestsPerSecond(1).clock(stopped).build(), b -> b.maxAttempts(1))));
        CliHarness cli = new CliHarness(strict, Map.of(), false);

        int exit = cli.run("candles", "--interval", "5m", "--from", "2026-01-01", "--to", "2026-03-01");

        assertThat(exit).isEqualTo(ExitCodes.RATE_LIMITED);
        assertThat(errorLines(cli)).singleElement().asString().startsWith("exflux: rate limited: ")
                .contains("429").contains("(retry after 1000 ms)").doesNotContain("\tat ");
    }

    @Test
    void unwiredVenueSaysSoInOneLineAndExit3() {
        CliHarness cli = cli(false);

        int exit = cli.run("pairs", "--venue", "btse");

        assertThat(exit).isEqualTo(ExitCodes.UNSUPPORTED);
        assertThat(cli.err().lines()).containsExactly(
                "exflux: venue 'btse' is not wired into the exflux CLI yet (wired: alp)");
    }

    @Test
    void pairsTickerAndTradesShowTheSimulatorsMarkets() {
        CliHarness cli = cli(false);

        assertThat(cli.run("pairs")).isZero();
        assertThat(cli.run("ticker")).isZero();
        assertThat(cli.run("trades", "--pair", "ETH_USDT", "--limit", "5", "--follow", "--duration", "2s")).isZero();

        List<String> lines = cli.out().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("BTC/USDT\\s+BTC_USDT\\s+2\\s+8\\s+0\\.00010000\\s+100\\.00000000\\s+10\\.00"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("ETH/USDT\\s+ETH_USDT\\s+2\\s+8\\s+0\\.00100000\\s+1000\\.00000000\\s+10\\.00"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("PAIR").contains("LAST").contains("BID").contains("ASK"));
        assertThat(lines.stream().filter(l -> l.startsWith("trade ") && l.contains("ETH/USDT"))).isNotEmpty()
                .as("recent (REST) and followed (websocket) trades alike at the market's precision")
                .allSatisfy(l -> assertThat(l).matches("trade .*  ETH/USDT  (BUY|SELL) [0-9]+\\.[0-9]{8} @ [0-9]+\\.[0-9]{2}"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("24H CHANGE"));
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .matches("BTC/USDT(\\s+[0-9]+\\.[0-9]{2}){5}\\s+[0-9]+\\.[0-9]{8}\\s+[+-]?[0-9]+\\.[0-9]{2}%\\s+.*"));
    }

    @Test
    void candlesWriteCsvOrJsonForTheRange(@TempDir Path dir) throws Exception {
        CliHarness cli = cli(false);
        Path json = dir.resolve("candles.json");

        assertThat(cli.run("candles", "--interval", "5m")).isZero();
        assertThat(cli.run("candles", "--interval", "1h", "--format", "json", "-o", json.toString())).isZero();

        List<String> csv = cli.out().lines().toList();
        assertThat(csv.get(0)).isEqualTo("open_time,open,high,low,close,volume,quote_volume");
        assertThat(csv.subList(1, csv.size())).allSatisfy(l -> assertThat(l).matches("\\d{4}-.*Z(,[0-9.]*){6}"));
        assertThat(SampleJson.mapper().readTree(json.toFile()).isArray()).isTrue();
        assertThat(cli.err()).contains(" 5m candles of BTC/USDT from ").contains(" 1h candles of BTC/USDT from ")
                .contains("written to " + json);
    }

    @Test
    void balancesOnTheSimulatorShowAFundedDemoAccount() {
        CliHarness cli = cli(false);

        assertThat(cli.run("balances")).isZero();

        assertThat(cli.err()).contains("demo account funded with 100000 USDT, 2 BTC, 20 ETH");
        assertThat(cli.out().lines()).anySatisfy(l -> assertThat(l).matches("USDT\\s+\\S+\\s+100000(\\.0+)?\\s+0(\\.0+)?\\s+100000(\\.0+)?"));
        assertThat(cli.out().lines()).anySatisfy(l -> assertThat(l).matches("BTC\\s+\\S+\\s+2(\\.0+)?\\s+.*"));
    }

    @Test
    void recordWritesReplayableNdjson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("btc.ndjson");
        CliHarness cli = cli(false);

        int exit = cli.run("record", "--streams", "trades,book", "--depth", "3", "--duration", "3s", "-o", file.toString());

        assertThat(exit).isZero();
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            events.add(SampleJson.mapper().readTree(line));
        }
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("trade");
            assertThat(new BigDecimal(e.at("/data/price").asText())).isPositive();
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("book");
            assertThat(e.at("/data/bids")).hasSize(3);
            assertThat(e.at("/data/asks")).hasSize(3);
        });
        assertThat(cli.err()).contains("exflux: recorded " + events.size() + " events to " + file);

        CliHarness replay = cli(false);
        assertThat(replay.run("replay", "--fast", file.toString())).isZero();
        List<String> lines = replay.out().lines().toList();
        assertThat(lines).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode data = events.get(i).get("data");
            if (events.get(i).get("type").asText().equals("trade")) {
                assertThat(lines.get(i)).startsWith("trade ").endsWith(" " + data.get("amount").asText() + " @ "
                        + data.get("price").asText());
            } else {
                assertThat(lines.get(i)).startsWith("book ").contains(" bid " + data.at("/bids/0/0").asText() + " x ")
                        .endsWith("levels 3/3");
            }
        }
        assertThat(replay.err()).isEqualTo("exflux: replayed " + events.size() + " events from " + file
                + System.lineSeparator());
    }

    @Test
    void replayOfAFileThatIsNotARecordingIsOneLineAndExit6(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.ndjson");
        Files.writeString(file, "{\"type\":\"trade\",\"receivedAt\":\"2026-11-22T10:00:00Z\",\"data\":{}}\nhello\n");
        CliHarness cli = cli(false);

        int exit = cli.run("replay", "--fast", file.toString());

        assertThat(exit).isEqualTo(ExitCodes.INVALID_REQUEST);
        assertThat(cli.err().lines()).singleElement().asString().startsWith("exflux: ").contains("line 1");
    }

    @Test
    void liveModeWithEnvironmentCredentialsPlacesListsAndCancelsAnOrder() {
        try (AlpSimulator venue = AlpSimulator.start(LIVELY)) {
            AlpAccount account = venue.createAccount(Map.of("USDT", new BigDecimal("5000")));
            CliHarness cli = new CliHarness(venues, Map.of("EXFLUX_ALP_API_KEY", account.apiKey(),
                    "EXFLUX_ALP_API_SECRET", account.apiSecret()), false);
            String[] live = {"--live", "--url", venue.restBaseUrl(), "--ws-url", venue.websocketUrl()};

            assertThat(cli.run(concat(new String[]{"place", "--pair", "BTC_USDT", "--side", "buy",
                    "--amount", "0.001", "--price", "30000"}, live))).as(cli::err).isZero();
            String id = cli.out().lines().filter(l -> l.contains("BTC/USDT")).findFirst().orElseThrow().split("\\s+")[0];
            assertThat(cli.run(concat(new String[]{"orders"}, live))).isZero();
            assertThat(cli.run(concat(new String[]{"cancel", "--id", id, "--pair", "BTC_USDT"}, live))).isZero();
            assertThat(cli.run(concat(new String[]{"orders"}, live))).isZero();

            List<String> lines = cli.out().lines().toList();
            assertThat(lines.stream().filter(l -> l.matches(id + "\\s+BTC/USDT\\s+BUY\\s+LIMIT\\s+OPEN\\s+30000\\.00\\s+0\\.00100000\\s+0\\.00000000\\s+20\\d\\d-.*")))
                    .as("placed, then listed").hasSize(2);
            assertThat(lines).contains("cancelled " + id);
            assertThat(lines.get(lines.size() - 1)).startsWith("ID").as("no open order left");
            assertThat(cli.out() + cli.err()).doesNotContain(account.apiSecret());
            assertThat(cli.err()).doesNotContain("embedded ALP simulator");
        }
    }

    @Test
    void liveModeReadsAKeyFileAndReportsARefusedKeyAsAuthentication(@TempDir Path dir) throws Exception {
        try (AlpSimulator venue = AlpSimulator.start(LIVELY)) {
            AlpAccount account = venue.createAccount(Map.of("BTC", new BigDecimal("1.5")));
            Path good = dir.resolve("good.properties");
            Files.writeString(good, "api-key=" + account.apiKey() + "\napi-secret=" + account.apiSecret() + "\n");
            Path bad = dir.resolve("bad.properties");
            Files.writeString(bad, "api-key=" + account.apiKey() + "\napi-secret=not-the-secret\n");
            CliHarness cli = new CliHarness(venues, Map.of(), false);
            String[] live = {"--live", "--url", venue.restBaseUrl(), "--ws-url", venue.websocketUrl()};

            assertThat(cli.run(concat(new String[]{"balances", "--key-file", good.toString()}, live))).isZero();
            assertThat(cli.out().lines()).anySatisfy(l -> assertThat(l).matches("BTC\\s+\\S+\\s+1\\.50*\\s+.*"));

            int refused = cli.run(concat(new String[]{"balances", "--key-file", bad.toString()}, live));
            assertThat(refused).isEqualTo(ExitCodes.AUTHENTICATION);
            assertThat(cli.err().lines()).singleElement().asString().startsWith("exflux: authentication failed: ");
            assertThat(cli.out() + cli.err()).doesNotContain(account.apiSecret()).doesNotContain("not-the-secret");
        }
    }

    @Test
    void liveModeWithoutCredentialsNamesTheVariablesAndExit4() {
        CliHarness cli = cli(false);

        int exit = cli.run("balances", "--live", "--url", "http://127.0.0.1:9/api/v3");

        assertThat(exit).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(cli.err().lines()).containsExactly(
                "exflux: no credentials for alp: set EXFLUX_ALP_API_KEY and EXFLUX_ALP_API_SECRET, or pass --key-file");
    }

    @Test
    void usageErrorIsOneLineAndExit2() {
        CliHarness cli = cli(false);

        assertThat(cli.run("book", "--colour")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("book", "--depth", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("place", "--pair", "BTC_USDT", "--side", "up", "--amount", "1", "--price", "1"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err().lines()).containsExactly(
                "exflux: Unknown option: '--colour' (see exflux book --help)",
                "exflux: --depth must be between 1 and 100: 0 (see exflux book --help)",
                "exflux: --side must be buy or sell: up (see exflux place --help)");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The error stream without the notice naming the embedded simulator. */
    private static List<String> errorLines(CliHarness cli) {
        return cli.err().lines().filter(l -> !l.contains("no keys, no network")).toList();
    }
}
