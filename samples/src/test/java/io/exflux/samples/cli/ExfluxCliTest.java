package io.exflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.samples.cli.venue.VenueRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command run in-process, asserting on what a user reads and on the exit code. */
class ExfluxCliTest {

    private final FakeConnector connector = new FakeConnector();
    private final VenueRegistry venues = new VenueRegistry(List.of(connector));

    private CliHarness plain() {
        return new CliHarness(venues, Map.of(), false);
    }

    @Test
    void bookPipedPrintsPlainBookAndTradeLinesAndStopsAfterDuration() {
        CliHarness cli = plain();

        int exit = cli.run("book", "--venue", "alp", "--pair", "BTC_USDT", "--depth", "5", "--duration", "1500ms");

        assertThat(exit).isZero();
        assertThat(cli.out()).doesNotContain("\u001b[");
        assertThat(cli.out().lines().filter(l -> l.startsWith("book ")))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("BTC/USDT").contains(" bid ").contains(" ask ")
                        .contains(" spread ").contains(" mid ").contains("levels 5/5"));
        assertThat(cli.out().lines().filter(l -> l.startsWith("trade "))).hasSizeGreaterThan(5);
        assertThat(connector.sessions).singleElement().satisfies(s -> assertThat(s.isClosed()).isTrue());
        assertThat(connector.exchange.closed).isTrue();
        assertThat(cli.hasHook()).as("shutdown hook removed after the run").isFalse();
    }

    @Test
    void bookOnTerminalRedrawsInPlaceWithLevelsSpreadMidAndTape() {
        CliHarness cli = new CliHarness(venues, Map.of(), true);

        int exit = cli.run("book", "--pair", "BTC_USDT", "--depth", "3", "--duration", "1s", "--refresh", "100ms");

        assertThat(exit).isZero();
        String screen = cli.out();
        assertThat(screen).startsWith("\u001b[?25l\u001b[2J").endsWith("\u001b[?25h");
        String[] frames = screen.split("\u001b\\[H");
        assertThat(frames.length - 1).as("frames drawn").isGreaterThan(2);
        String last = frames[frames.length - 1].replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "");
        assertThat(last).contains("alp  BTC/USDT  simulator").contains("ASK SIZE").contains("BID SIZE")
                .contains("spread 2").contains("mid ").contains("TRADES (newest first)").contains("Ctrl-C to quit");
        assertThat(last.lines().filter(l -> l.matches("\\s+[0-9.]+\\s+[0-9]{5}\\.[0-9]{2}.*"))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void ctrlCStopsTheBookClosesTheClientAndExits130() throws Exception {
        CliHarness cli = plain();

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.run("book", "--pair", "BTC_USDT"));
        while (!cli.out().contains("trade ") || !cli.hasHook()) {
            Thread.sleep(20);
        }
        cli.pressCtrlC();

        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(connector.exchange.closed).isTrue();
        assertThat(cli.err()).doesNotContain("Exception");
    }

    @Test
    void unknownPairIsOneLineAndExit6() {
        CliHarness cli = plain();

        int exit = cli.run("book", "--pair", "BTC_XYZ", "--duration", "5s");

        assertThat(exit).isEqualTo(ExitCodes.INVALID_REQUEST);
        assertThat(errorLines(cli)).containsExactly("exflux: not found: alp has no market BTC/XYZ");
        assertThat(connector.exchange.closed).isTrue();
    }

    @Test
    void unwiredVenueSaysSoInOneLineAndExit3() {
        CliHarness cli = plain();

        int exit = cli.run("book", "--venue", "btse", "--pair", "BTC_USDT");

        assertThat(exit).isEqualTo(ExitCodes.UNSUPPORTED);
        assertThat(cli.err().lines()).containsExactly(
                "exflux: venue 'btse' is not wired into the exflux CLI yet (wired: alp)");
        assertThat(connector.sessions).isEmpty();
    }

    @Test
    void rateLimitedCallIsOneTypedLineAndExit5() {
        connector.exchange.rateLimited.set(true);
        CliHarness cli = plain();

        int exit = cli.run("pairs");

        assertThat(exit).isEqualTo(ExitCodes.RATE_LIMITED);
        assertThat(errorLines(cli)).singleElement().asString()
                .startsWith("exflux: rate limited: ").contains("retry after 1000 ms").contains("HTTP 429");
    }

    @Test
    void verboseAddsTheContextAndStackTrace() {
        connector.exchange.rateLimited.set(true);
        CliHarness cli = plain();

        int exit = cli.run("pairs", "--verbose");

        assertThat(exit).isEqualTo(ExitCodes.RATE_LIMITED);
        assertThat(cli.err()).contains("context: ErrorContext[venue=alp, httpStatus=429").contains("\tat ");
    }

    @Test
    void usageErrorIsOneLineAndExit2() {
        CliHarness cli = plain();

        int exit = cli.run("book", "--colour");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err().lines()).containsExactly("exflux: Unknown option: '--colour' (see exflux book --help)");
    }

    @Test
    void livePrivateCommandWithoutCredentialsNamesTheVariablesAndExit4() {
        CliHarness cli = plain();

        int exit = cli.run("balances", "--live");

        assertThat(exit).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(cli.err().lines()).containsExactly(
                "exflux: no credentials for alp: set EXFLUX_ALP_API_KEY and EXFLUX_ALP_API_SECRET, or pass --key-file");
    }

    @Test
    void credentialsComeFromTheKeyFileAndAreNeverPrinted(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("alp.properties");
        Files.writeString(keyFile, "api-key=key-123\napi-secret=very-secret-value\n", StandardCharsets.UTF_8);
        CliHarness cli = plain();

        int exit = cli.run("balances", "--live", "--key-file", keyFile.toString(), "--verbose");

        assertThat(exit).isZero();
        assertThat(connector.requests).singleElement().satisfies(r -> {
            assertThat(r.live()).isTrue();
            assertThat(r.credentials().get().apiKey()).isEqualTo("key-123");
        });
        assertThat(cli.out() + cli.err()).doesNotContain("very-secret-value");
    }

    @Test
    void pairsTickerAndTradesPrintTables() {
        CliHarness cli = plain();

        assertThat(cli.run("pairs")).isZero();
        assertThat(cli.run("ticker", "--pair", "BTC_USDT")).isZero();
        assertThat(cli.run("trades", "--pair", "BTC_USDT", "--limit", "3")).isZero();

        List<String> lines = cli.out().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("PAIR").contains("PRICE DECIMALS").contains("MIN NOTIONAL"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("BTC/USDT\\s+BTC_USDT\\s+2\\s+6\\s+0.0001\\s+-\\s+5"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("BTC/USDT").contains("50000.00").contains("49999.50"));
        assertThat(lines.stream().filter(l -> l.startsWith("trade "))).hasSize(3);
    }

    @Test
    void tradesFollowAndTickerFollowStream() {
        CliHarness cli = plain();

        assertThat(cli.run("trades", "--limit", "1", "--follow", "--duration", "500ms")).isZero();
        assertThat(cli.out().lines().filter(l -> l.startsWith("trade "))).hasSizeGreaterThan(3);
        assertThat(cli.run("ticker", "--pair", "BTC_USDT", "--follow", "--duration", "500ms")).isZero();
        assertThat(cli.out().lines().filter(l -> l.startsWith("ticker "))).isNotEmpty();
    }

    @Test
    void candlesWriteCsvAndJsonForTheRange(@TempDir Path dir) throws Exception {
        CliHarness cli = plain();

        int csv = cli.run("candles", "--pair", "BTC_USDT", "--interval", "1h", "--from", "2026-11-20",
                "--to", "2026-11-21");
        Path json = dir.resolve("c.json");
        int jsonExit = cli.run("candles", "--interval", "1d", "--from", "2026-11-01", "--to", "2026-11-04",
                "--format", "json", "-o", json.toString());

        assertThat(csv).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("open_time,open,high,low,close,volume,quote_volume");
        assertThat(lines.subList(1, lines.size())).hasSize(24)
                .first().isEqualTo("2026-11-20T00:00:00Z,50000.00,50010.00,49999.00,50001.00,1.5,75000");
        assertThat(jsonExit).isZero();
        assertThat(io.exflux.reactive.json.Json.mapper().readTree(json.toFile())).hasSize(3)
                .first().satisfies(n -> assertThat(n.get("close").asText()).isEqualTo("50001.00"));
        assertThat(cli.err()).contains("exflux: 3 1d candles of BTC/USDT");
    }

    @Test
    void candlesShowAProgressBarOnATerminalForALongRange() {
        CliHarness cli = new CliHarness(venues, Map.of(), true);

        int exit = cli.run("candles", "--interval", "5m", "--from", "2026-11-01", "--to", "2026-11-08");

        assertThat(exit).isZero();
        assertThat(cli.err()).contains("\r[##############################] 100%  2016 candles");
        assertThat(cli.out().lines().count()).isEqualTo(2017);
    }

    @Test
    void placeListAndCancelAnOrder() {
        CliHarness cli = plain();

        assertThat(cli.run("place", "--pair", "BTC_USDT", "--side", "buy", "--amount", "0.01", "--price", "40000"))
                .isZero();
        assertThat(cli.run("orders")).isZero();
        assertThat(cli.run("cancel", "--id", "1000")).isZero();
        assertThat(cli.run("cancel", "--id", "1000")).isEqualTo(ExitCodes.INVALID_REQUEST);

        assertThat(cli.out().lines().filter(l -> l.matches("1000\\s+BTC/USDT\\s+BUY\\s+LIMIT\\s+OPEN\\s+40000\\s+0.01\\s+0.*")))
                .hasSize(2);
        assertThat(cli.out()).contains("cancelled 1000").contains("not cancelled 1000: order not found");
    }

    @Test
    void balancesShowAvailable() {
        CliHarness cli = plain();

        assertThat(cli.run("balances")).isZero();

        assertThat(cli.out().lines()).anySatisfy(l -> assertThat(l).matches("BTC\\s+SPOT\\s+2\\s+0.5\\s+1.5"));
        assertThat(connector.requests).singleElement().satisfies(r -> {
            assertThat(r.live()).isFalse();
            assertThat(r.privateAccess()).isTrue();
        });
    }

    @Test
    void recordWritesNdjsonEventsForReplay(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rec.ndjson");
        CliHarness cli = plain();

        int exit = cli.run("record", "--streams", "trades,book", "--depth", "2", "--duration", "700ms",
                "-o", file.toString());

        assertThat(exit).isZero();
        List<com.fasterxml.jackson.databind.JsonNode> events = Files.readAllLines(file).stream()
                .map(l -> {
                    try {
                        return io.exflux.reactive.json.Json.mapper().readTree(l);
                    } catch (Exception e) {
                        throw new AssertionError(l, e);
                    }
                }).toList();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("trade");
            assertThat(e.at("/data/price").asText()).startsWith("5000");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("book");
            assertThat(e.at("/data/bids")).hasSize(2);
        });
        assertThat(cli.err()).contains("exflux: recorded " + events.size() + " events to " + file);
    }

    /** The error stream without the notice about the embedded simulator. */
    private static List<String> errorLines(CliHarness cli) {
        return cli.err().lines().filter(l -> !l.contains("no keys, no network")).toList();
    }
}
