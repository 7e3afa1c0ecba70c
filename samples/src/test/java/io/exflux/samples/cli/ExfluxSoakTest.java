package io.exflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.samples.cli.venue.AlpConnector;
import io.exflux.samples.cli.venue.VenueRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code exflux soak} as a user runs it: the ALP simulator behind chaos proxies for a minute (ten with
 * {@code ./mvnw -Psoak verify}), a client through them, one table and a verdict. What holds today is enforced:
 * no stream error, no duplicate, no trade the venue never made, books equal at every quiet check, no order the
 * client believed failed that the venue holds, no Netty leak, threads and heap flat. Trades missed, own orders
 * missed and undetected stalls are printed as numbers; {@code -Dexflux.soak.strictGaps=true} and
 * {@code -Dexflux.soak.strictLiveness=true} make them count once the connectors back-fill gaps, resync private
 * state and detect stalls sooner.
 */
class ExfluxSoakTest {

    private static final String MINUTES = System.getProperty("exflux.soak.minutes", "1");
    private static final String SEED = System.getProperty("exflux.soak.seed", "5");

    private final VenueRegistry venues = new VenueRegistry(List.of(new AlpConnector()));

    @Test
    void soakThroughTheChaosProxyPassesWhatHoldsToday() {
        CliHarness cli = new CliHarness(venues, Map.of(), false);
        String[] args = List.of("soak", "--minutes", MINUTES, "--seed", SEED).toArray(String[]::new);
        if (Boolean.getBoolean("exflux.soak.strictGaps")) {
            args = append(args, "--strict-gaps");
        }
        if (Boolean.getBoolean("exflux.soak.strictLiveness")) {
            args = append(args, "--strict-liveness");
        }

        int exit = cli.run(args);

        System.out.println(cli.err() + cli.out());
        assertThat(cli.out())
                .contains("exflux soak: alp, ")
                .contains("stream errors", "trades missed", "trades duplicated", "books equal at quiet checks",
                        "stalls detected", "believed failed, held by venue", "own final states on watchOrders",
                        "Netty leaks", "threads start / end", "heap MiB start / end")
                .contains("verdict: PASS");
        assertThat(exit).as(cli.out() + cli.err()).isZero();
    }

    @Test
    void aVenueWithoutASimulatorIsRefusedBeforeAnythingStarts() {
        CliHarness cli = new CliHarness(venues, Map.of(), false);

        assertThat(cli.run("soak", "--venue", "btse", "--minutes", "1")).isEqualTo(ExitCodes.UNSUPPORTED);
        assertThat(cli.err()).contains("venue 'btse' has no simulator yet (simulated: alp)");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aDurationOutOfRangeIsAUsageError() {
        CliHarness cli = new CliHarness(venues, Map.of(), false);

        assertThat(cli.run("soak", "--minutes", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--minutes must be more than 0 and at most 1440: 0.0");
    }

    private static String[] append(String[] args, String flag) {
        String[] longer = java.util.Arrays.copyOf(args, args.length + 1);
        longer[args.length] = flag;
        return longer;
    }
}
