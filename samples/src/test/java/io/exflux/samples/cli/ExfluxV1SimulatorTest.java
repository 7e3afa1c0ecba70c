package io.exflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.venue.v1.V1Dialect;
import io.exflux.reactive.venue.v1.V1Options;
import io.exflux.samples.cli.render.SampleJson;
import io.exflux.samples.cli.venue.CredentialSource;
import io.exflux.samples.cli.venue.V1Connector;
import io.exflux.samples.cli.venue.VenueRegistry;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.v1.V1Simulator;
import io.exflux.testkit.v1.V1SimulatorOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command of {@code exflux} for BTC-Alpha and bitexbit, run in-process as a user would type it, through the real
 * {@code V1ExchangeClient}: the default embedded simulator (started per run), and {@code --live} pointed at a v1
 * simulator this test started, with the venue's credentials from the injected environment. Rate limits are off on
 * both sides so that each command takes a moment rather than the venue's pace (the limits have their own tests), and
 * the runs share their event loops.
 */
class ExfluxV1SimulatorTest {

    /** Event loops shared by every run, so that a run does not wait for its own loops to wind down. */
    private static final ClientResources RESOURCES = ClientResources.create();

    @AfterAll
    static void shutdown() {
        RESOURCES.shutdown().block(Duration.ofSeconds(10));
    }

    private static V1SimulatorOptions lively(String venue) {
        V1SimulatorOptions cli = V1Connector.simulatorOptions(dialect(venue), 7).build();
        return cli.mutate().generator(cli.generator().withStepInterval(Duration.ofMillis(20))).unthrottled().build();
    }

    private static CliHarness cli(String venue, Map<String, String> environment) {
        V1Dialect dialect = dialect(venue);
        V1Connector connector = new V1Connector(dialect, lively(venue),
                b -> b.resources(RESOURCES).rateLimit(V1Options.PUBLIC_SCOPE, null).rateLimit(V1Options.PRIVATE_SCOPE, null)
                        .streamOptions(StreamOptions.builder().unsubscribeGrace(Duration.ofMillis(50)).build()));
        return new CliHarness(new VenueRegistry(List.of(connector)), environment, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"btc-alpha", "bitexbit"})
    void pairsAndTheDefaultPairsBookComeFromTheEmbeddedSimulator(String venue) {
        CliHarness cli = cli(venue, Map.of());

        assertThat(cli.run("pairs", "--venue", venue)).as(cli::err).isZero();
        assertThat(cli.run("book", "--venue", venue, "--depth", "5", "--duration", "2s")).as(cli::err).isZero();

        String name = dialect(venue).displayName();
        assertThat(cli.err()).contains("exflux: embedded " + name + " simulator on 127.0.0.1:");
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("BTC/USD\\s+BTC_USD\\s+3\\s+8\\s+.*"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("BTC/USDT\\s+BTC_USDT\\s+3\\s+8\\s+.*"));
        assertThat(lines.stream().filter(l -> l.startsWith("book "))).isNotEmpty()
                .allSatisfy(l -> assertThat(l).matches("book  \\d\\d:\\d\\d:\\d\\d\\.\\d{3}  BTC/USDT  bid [0-9.]+ x [0-9.]+"
                        + "  ask [0-9.]+ x [0-9.]+  spread [0-9.]+  mid [0-9.]+  levels 5/5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"btc-alpha", "bitexbit"})
    void everyOtherCommandLiveAgainstASimulator(String venue, @TempDir Path dir) throws Exception {
        try (V1Simulator sim = V1Simulator.start(lively(venue))) {
            sim.generator().prepare().block(Duration.ofSeconds(5));
            for (int i = 0; i < 40; i++) { // a market with depth, as the embedded simulator's warm-up makes it
                sim.generator().step().block(Duration.ofSeconds(5));
            }
            ApiKeys.ApiKey account = sim.createAccount(V1Connector.DEMO_FUNDS);
            CliHarness cli = cli(venue, Map.of(CredentialSource.keyVariable(venue), account.key(),
                    CredentialSource.secretVariable(venue), account.secret()));
            // the REST address as `exflux sim` prints it (ending in /v1)
            String[] live = {"--venue", venue, "--live", "--url", sim.restBaseUrl(), "--ws-url", sim.socketUrl()};

            assertThat(cli.run(concat(live, "ticker"))).as("no ticker in the documents").isEqualTo(ExitCodes.UNSUPPORTED);
            assertThat(cli.err().lines()).singleElement().asString().startsWith("exflux: not supported: ");
            assertThat(cli.run(concat(live, "trades", "--pair", "BTC_USD", "--limit", "5", "--follow",
                    "--duration", "2s"))).as(cli::err).isZero();
            assertThat(cli.run(concat(live, "candles", "--pair", "BTC_USD", "--interval", "1h"))).as(cli::err).isZero();
            assertThat(cli.run(concat(live, "balances"))).as(cli::err).isZero();
            assertThat(cli.run(concat(live, "place", "--pair", "BTC_USD", "--side", "buy", "--amount", "0.01",
                    "--price", "30000"))).as(cli::err).isZero();
            String id = cli.out().lines().filter(l -> l.matches("\\d+\\s+BTC/USD\\s+BUY\\s+.*")).findFirst()
                    .orElseThrow().split("\\s+")[0];
            assertThat(cli.run(concat(live, "orders"))).as(cli::err).isZero();
            assertThat(cli.run(concat(live, "cancel", "--id", id, "--pair", "BTC_USD"))).as(cli::err).isZero();
            assertThat(cli.run(concat(live, "orders"))).as(cli::err).isZero();

            List<String> lines = cli.out().lines().toList();
            assertThat(lines.stream().filter(l -> l.startsWith("trade ") && l.contains("BTC/USD"))).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).matches("trade .*  BTC/USD  (BUY|SELL) [0-9]+\\.[0-9]{8} @ [0-9]+\\.[0-9]{3}"));
            assertThat(lines).contains("open_time,open,high,low,close,volume,quote_volume");
            assertThat(cli.err()).contains(" 1h candles of BTC/USD from ");
            assertThat(lines).anySatisfy(l -> assertThat(l).matches("USD\\s+\\S+\\s+100000(\\.0+)?\\s+0(\\.0+)?\\s+100000(\\.0+)?"));
            assertThat(lines.stream().filter(l -> l.matches(id + "\\s+BTC/USD\\s+BUY\\s+LIMIT\\s+(PENDING|OPEN)\\s+30000\\.000\\s+.*")))
                    .as("placed, then listed").hasSize(2);
            assertThat(lines).contains("cancelled " + id);
            assertThat(lines.get(lines.size() - 1)).startsWith("ID").as("no open order left");
            assertThat(cli.out() + cli.err()).doesNotContain(account.secret()).doesNotContain("embedded");

            Path file = dir.resolve("btc.ndjson");
            assertThat(cli.run(concat(live, "record", "--pair", "BTC_USD", "--streams", "trades,book", "--depth", "3",
                    "--duration", "2s", "-o", file.toString()))).as(cli::err).isZero();
            List<JsonNode> events = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                events.add(SampleJson.mapper().readTree(line));
            }
            assertThat(events).anySatisfy(e -> {
                assertThat(e.get("type").asText()).isEqualTo("book");
                assertThat(e.at("/data/bids")).hasSize(3);
                assertThat(e.at("/data/asks")).hasSize(3);
            });
            assertThat(cli.err()).contains("exflux: recorded " + events.size() + " events to " + file);
        }
    }

    private static V1Dialect dialect(String venue) {
        return Arrays.stream(V1Dialect.values()).filter(d -> d.venue().equals(venue)).findFirst().orElseThrow();
    }

    private static String[] concat(String[] flags, String... command) {
        String[] all = new String[command.length + flags.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(flags, 0, all, command.length, flags.length);
        return all;
    }
}
