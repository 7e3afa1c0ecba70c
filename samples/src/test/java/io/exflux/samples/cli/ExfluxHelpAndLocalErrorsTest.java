package io.exflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.samples.cli.venue.VenueRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * What a newcomer types first: help for every command, in the three ways people ask for it, and the
 * errors about their own files, which are not the venue's fault.
 */
class ExfluxHelpAndLocalErrorsTest {

    private final FakeConnector connector = new FakeConnector();
    private final VenueRegistry venues = new VenueRegistry(List.of(connector));

    /** Every subcommand the program has, read from the program itself (so a new one is covered too). */
    static List<String> commands() {
        CliContext unused = new CliHarness(new VenueRegistry(List.of()), Map.of(), false).context();
        return new CommandLine(new ExfluxCommand(unused)).getSubcommands().keySet().stream()
                .filter(name -> !name.equals("help")).toList();
    }

    @Test
    void everyCommandOfTheListIsCovered() {
        assertThat(commands()).containsExactlyInAnyOrder("book", "trades", "ticker", "pairs", "candles", "balances",
                "orders", "place", "cancel", "withdraw", "deposit-address", "transfer", "collect", "record", "replay",
                "sim", "soak");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpForEveryCommandInAllThreeWays(String command) {
        for (String[] args : List.of(new String[] {command, "--help"}, new String[] {command, "-h"},
                new String[] {"help", command})) {
            CliHarness cli = new CliHarness(venues, Map.of(), false);

            int exit = cli.run(args);

            assertThat(exit).as(String.join(" ", args)).isZero();
            assertThat(cli.err()).as(String.join(" ", args)).isEmpty();
            assertThat(cli.out()).as(String.join(" ", args))
                    .startsWith("Usage: exflux " + command + " ")
                    .contains("-h, --help")
                    .doesNotContain("Unknown option");
        }
    }

    @Test
    void helpNamesEveryCommandAndTheLocalFileExitCode() {
        CliHarness cli = new CliHarness(venues, Map.of(), false);

        assertThat(cli.run("--help")).isZero();

        assertThat(cli.out()).contains("  sim ").contains("  help ").contains("9 local file error");
    }

    @Test
    void replayOfAMissingFileIsALocalErrorWithItsOwnExitCode(@TempDir Path dir) {
        Path missing = dir.resolve("missing.ndjson");
        CliHarness cli = new CliHarness(venues, Map.of(), false);

        int exit = cli.run("replay", missing.toString());

        assertThat(exit).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(cli.err().lines()).containsExactly("exflux: no such file: " + missing);
    }

    @Test
    void candlesToAnUnwritableFileIsALocalError(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        CliHarness cli = new CliHarness(venues, Map.of(), false);

        int exit = cli.run("candles", "-o", notADirectory.resolve("out.csv").toString());

        assertThat(exit).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(cli.err().lines().filter(l -> !l.contains("fake ALP venue")))
                .singleElement().asString().startsWith("exflux: ").contains(notADirectory.resolve("out.csv").toString())
                .doesNotContain("network");
    }
}
