package io.exflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.samples.cli.venue.VenueRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the simulator cannot easily show, on a scripted fake venue: the exact wording of a rate-limit
 * error and of {@code --verbose}, exact CSV and JSON values, the progress bar of a long candle range, and
 * a cancel the venue refuses. Everything else runs against the simulator in {@link ExfluxSimulatorTest}.
 */
class ExfluxCliFakeVenueTest {

    private final FakeConnector connector = new FakeConnector();
    private final VenueRegistry venues = new VenueRegistry(List.of(connector));

    private CliHarness plain() {
        return new CliHarness(venues, Map.of(), false);
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
                .as("prices at 2 decimals, amounts at 6: the market's precision")
                .first().isEqualTo("2026-11-20T00:00:00Z,50000.00,50010.00,49999.00,50001.00,1.500000,75000.00");
        assertThat(jsonExit).isZero();
        assertThat(io.exflux.samples.cli.render.SampleJson.mapper().readTree(json.toFile())).hasSize(3)
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

        assertThat(cli.out().lines().filter(l -> l.matches("1000\\s+BTC/USDT\\s+BUY\\s+LIMIT\\s+OPEN\\s+40000\\.00\\s+0\\.010000\\s+0\\.000000\\s.*")))
                .hasSize(2);
        assertThat(cli.out()).contains("cancelled 1000").contains("not cancelled 1000: order not found");
    }

    /** The error stream without the notice about the embedded simulator. */
    private static List<String> errorLines(CliHarness cli) {
        return cli.err().lines().filter(l -> !l.contains("no keys, no network")).toList();
    }

    @Test
    void onlyAnInteractiveConsoleThatIsNotDumbCountsAsATerminal() {
        assertThat(CliContext.isTerminal(true, Map.of("TERM", "xterm-256color"))).isTrue();
        assertThat(CliContext.isTerminal(true, Map.of())).isTrue();
        assertThat(CliContext.isTerminal(true, Map.of("TERM", "dumb"))).isFalse();
        assertThat(CliContext.isTerminal(false, Map.of("TERM", "xterm"))).as("piped").isFalse();
    }
}
