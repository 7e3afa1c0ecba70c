package io.exflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.samples.cli.venue.AlpConnector;
import io.exflux.samples.cli.venue.VenueRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code exflux soak} as a user runs it: a venue simulator behind chaos proxies, a client through them, one table
 * and a verdict, every rule enforced (no stream error, no trade missed without an announced gap, no duplicate, books
 * equal at every quiet check, stalls detected within the bound, no order the client believed failed that the venue
 * holds, every own final state on {@code watchOrders}, no Netty leak, threads and heap flat). The build runs ALP
 * for a minute; {@code ./mvnw -Psoak verify} runs every venue with a simulator for ten minutes each
 * ({@code exflux.soak.venues}, {@code exflux.soak.minutes}; {@code -Dexflux.soak.strictGaps=false} or
 * {@code -Dexflux.soak.strictLiveness=false} relax the rules to information).
 */
class ExfluxSoakTest {

    private static final String MINUTES = System.getProperty("exflux.soak.minutes", "1");
    private static final String SEED = System.getProperty("exflux.soak.seed", "5");
    /** Comma-separated venue ids, or {@code all}: every venue with a simulator. */
    private static final String VENUES = System.getProperty("exflux.soak.venues", "alp");
    private static final boolean STRICT_GAPS =
            Boolean.parseBoolean(System.getProperty("exflux.soak.strictGaps", "true"));
    private static final boolean STRICT_LIVENESS =
            Boolean.parseBoolean(System.getProperty("exflux.soak.strictLiveness", "true"));

    private final VenueRegistry venues = new VenueRegistry(List.of(new AlpConnector()));

    @Test
    void soakThroughTheChaosProxyPassesEveryRule() {
        CliHarness cli = new CliHarness(venues, Map.of(), false);
        List<String> args = new ArrayList<>(List.of("soak", "--minutes", MINUTES, "--seed", SEED));
        if (!VENUES.equals("all")) {
            args.addAll(List.of("--venue", VENUES));
        }
        if (!STRICT_GAPS) {
            args.add("--no-strict-gaps");
        }
        if (!STRICT_LIVENESS) {
            args.add("--no-strict-liveness");
        }

        int exit = cli.run(args.toArray(String[]::new));

        System.out.println(cli.err() + cli.out());
        assertThat(cli.out())
                .contains("exflux soak: " + (VENUES.equals("all") ? "alp, btc-alpha, bitexbit, btse" : VENUES) + ", ")
                .contains("strict gaps " + (STRICT_GAPS ? "on" : "off") + ", strict liveness "
                        + (STRICT_LIVENESS ? "on" : "off"))
                .contains("stream errors", "trades missed, no gap announced", "trades duplicated",
                        "books equal at quiet checks",
                        "stalls detected", "believed failed, held by venue", "own final states on watchOrders",
                        "Netty leaks", "threads start / end", "heap MiB start / end")
                .contains("verdict: PASS");
        assertThat(exit).as(cli.out() + cli.err()).isZero();
    }

    @Test
    void aVenueWithoutASimulatorIsRefusedBeforeAnythingStarts() {
        CliHarness cli = new CliHarness(venues, Map.of(), false);

        assertThat(cli.run("soak", "--venue", "kraken", "--minutes", "1")).isEqualTo(ExitCodes.UNSUPPORTED);
        assertThat(cli.err()).contains("venue 'kraken' has no simulator yet (simulated: alp, btc-alpha, bitexbit, btse)");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aDurationOutOfRangeIsAUsageError() {
        CliHarness cli = new CliHarness(venues, Map.of(), false);

        assertThat(cli.run("soak", "--minutes", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--minutes must be more than 0 and at most 1440: 0.0");
    }
}
