package io.exflux.samples.cli.command;

import io.exflux.samples.cli.CliContext;
import io.exflux.samples.cli.CliException;
import io.exflux.samples.cli.ExfluxCommand;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.soak.Soak;
import io.exflux.samples.soak.SoakReport;
import io.exflux.samples.soak.SoakSettings;
import io.exflux.samples.soak.SoakVenues;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code exflux soak}: every venue simulator (or the one named) behind chaos proxies for N minutes, a client
 * through them, and one table of what the client got against what the venue did; exit code 0 when the verdict
 * passes, 1 when it fails (the reasons follow the table). Blocks for the whole run.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, versionProvider = ExfluxCommand.Version.class,
        description = {"Soak the connectors: each venue simulator behind a chaos proxy (cuts, resets, stalls of"
                + " 20-30 s, half-frames, latency, bandwidth) for N minutes, a client through it, one table and a verdict.",
                "Exit code 0 when the verdict passes, 1 when it fails."})
public final class SoakCommand implements Callable<Integer> {

    @ParentCommand
    ExfluxCommand parent;

    @Option(names = "--minutes", defaultValue = "10", paramLabel = "N",
            description = "How long the chaos runs against each venue, in minutes (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--seed", description = "Seed of the fault schedules and markets: the same seed, the same"
            + " faults (default: random, printed in the table's header).")
    Long seed;

    @Option(names = "--venue", paramLabel = "VENUE", split = ",",
            description = "The venues to soak (default: every venue with a simulator: "
                    + "alp, btc-alpha, bitexbit).")
    List<String> venues;

    @Option(names = "--strict-gaps", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Fail on trades missed without an announced gap and on own orders whose final state never"
                    + " reached watchOrders (default: on; --no-strict-gaps shows them as information only).")
    boolean strictGaps;

    @Option(names = "--strict-liveness", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Fail on websocket stalls not detected within 15 s (default: on; --no-strict-liveness"
                    + " shows them as information only).")
    boolean strictLiveness;

    @Override
    public Integer call() throws InterruptedException {
        if (!(minutes > 0) || minutes > 24 * 60) {
            throw new CliException(ExitCodes.USAGE, "--minutes must be more than 0 and at most 1440: " + minutes);
        }
        List<String> chosen = venues == null ? SoakVenues.SIMULATED
                : venues.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).toList();
        for (String venue : chosen) {
            if (!SoakVenues.SIMULATED.contains(venue)) {
                throw new CliException(ExitCodes.UNSUPPORTED, "venue '" + venue + "' has no simulator yet (simulated: "
                        + String.join(", ", SoakVenues.SIMULATED) + ")");
            }
        }
        CliContext context = parent.context();
        SoakSettings settings = new SoakSettings(chosen, Duration.ofMillis(Math.round(minutes * 60_000)),
                seed != null ? seed : System.nanoTime(), strictGaps, strictLiveness);
        SoakReport report = Soak.run(settings, context.err());
        report.print(context.out());
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
