package io.exflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.venue.v1.V1Dialect;
import io.exflux.samples.cli.sim.BtseSimServer;
import io.exflux.samples.cli.venue.BtseConnector;
import io.exflux.samples.cli.venue.CredentialSource;
import io.exflux.samples.cli.venue.V1Connector;
import io.exflux.samples.cli.venue.VenueRegistry;
import io.exflux.testkit.btse.BtseSimulator;
import io.exflux.testkit.docs.GeneratedSection;
import io.exflux.testkit.server.RecordedRequest;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.SimulatedVenue;
import io.exflux.testkit.v1.V1Simulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad arguments on the command line for the venues besides ALP ({@link ExfluxBadArgumentsTest} has ALP's), one row
 * each, through each venue's real client pointed ({@code --live --url}) at its simulator, started once for every row
 * with a funded account: one line on standard error naming the rule, the documented exit code, no secret, no number
 * spelled out; the simulator receives nothing but the market list the checks read, no websocket frame and no
 * websocket connection.
 */
class ExfluxBadInputsEveryVenueTest {

    private static final Path BAD_INPUTS_PAGE = Path.of("..", "docs", "guide", "bad-inputs.md");
    private static final ClientResources RESOURCES = ClientResources.create();
    private static final Map<String, Venue> VENUES = new LinkedHashMap<>();

    /** A venue's simulator and account, the CLI's connection arguments and the market-list path the checks read. */
    private record Venue(SimulatedVenue simulator, ApiKeys.ApiKey account, List<String> connection, String marketList,
                         VenueRegistry registry) {
    }

    @AfterAll
    static void stop() {
        VENUES.values().forEach(venue -> venue.simulator().close());
        RESOURCES.shutdown().block(Duration.ofSeconds(10));
    }

    private static synchronized Venue venue(String id) {
        return VENUES.computeIfAbsent(id, ExfluxBadInputsEveryVenueTest::start);
    }

    private static Venue start(String id) {
        if (id.equals("btse")) {
            BtseSimulator sim = BtseSimulator.start();
            ApiKeys.ApiKey account = sim.createAccount(BtseSimServer.DEMO_FUNDS);
            return new Venue(sim, account, List.of("--live", "--url", sim.restBaseUrl(), "--ws-url", sim.websocketUrl()),
                    "/market_summary", new VenueRegistry(List.of(new BtseConnector(
                            sim.options(), b -> b.resources(RESOURCES)))));
        }
        V1Dialect dialect = Arrays.stream(V1Dialect.values()).filter(d -> d.venue().equals(id)).findFirst().orElseThrow();
        V1Simulator sim = V1Simulator.start(V1Connector.simulatorOptions(dialect, 7).build());
        ApiKeys.ApiKey account = sim.createAccount(V1Connector.DEMO_FUNDS);
        return new Venue(sim, account, List.of("--live", "--url", sim.restBaseUrl(), "--ws-url", sim.socketUrl()),
                "/pairs/", new VenueRegistry(List.of(new V1Connector(dialect, V1Connector.simulatorOptions(dialect, 7)
                        .build(), b -> b.resources(RESOURCES)))));
    }

    /** One row: the venue, what the user typed (after {@code --venue}), the exit code and the words of the rule. */
    record Row(String venue, String name, List<String> args, int exitCode, String rule) {
        @Override
        public String toString() {
            return venue + ": " + name;
        }
    }

    private static Row row(String venue, String name, int exitCode, String rule, String... args) {
        return new Row(venue, name, List.of(args), exitCode, rule);
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String v1 : List.of("btc-alpha", "bitexbit")) {
            String place = "place";
            rows.addAll(List.of(
                    row(v1, "place with amount 0", ExitCodes.INVALID_REQUEST, "amount must be positive, was 0",
                            place, "--pair", "BTC_USD", "--side", "buy", "--amount", "0", "--price", "30000"),
                    row(v1, "place with amount 1e-999999999", ExitCodes.INVALID_REQUEST,
                            "has 999999999 decimals, BTC/USD allows 8",
                            place, "--pair", "BTC_USD", "--side", "buy", "--amount", "1e-999999999", "--price", "30000"),
                    row(v1, "place with price 1E+999999999", ExitCodes.INVALID_REQUEST,
                            "price 1E999999999 has more than 40 digits before or after the point",
                            place, "--pair", "BTC_USD", "--side", "buy", "--amount", "0.01", "--price", "1E+999999999"),
                    row(v1, "place with amount 1E+999999999", ExitCodes.INVALID_REQUEST,
                            "amount 1E+999999999 is above the maximum order size 100000000 of BTC/USD",
                            place, "--pair", "BTC_USD", "--side", "buy", "--amount", "1E+999999999", "--price", "30000"),
                    row(v1, "place with a too precise price", ExitCodes.INVALID_REQUEST,
                            "price 30000.1234 has 4 decimals, BTC/USD allows 3",
                            place, "--pair", "BTC_USD", "--side", "buy", "--amount", "0.01", "--price", "30000.1234"),
                    row(v1, "place on an unknown market", ExitCodes.INVALID_REQUEST, v1 + " has no market NOPE/USD",
                            place, "--pair", "NOPE_USD", "--side", "sell", "--amount", "0.01", "--price", "30000"),
                    row(v1, "place a market order", ExitCodes.UNSUPPORTED, "does not support PLACE_MARKET_ORDER",
                            place, "--pair", "BTC_USD", "--side", "buy", "--type", "market", "--amount", "10"),
                    row(v1, "place with a 100,000-character client order id", ExitCodes.INVALID_REQUEST,
                            "no post-only, client order id or time in force but GTC",
                            place, "--pair", "BTC_USD", "--side", "buy", "--amount", "0.01", "--price", "30000",
                            "--client-order-id", "x".repeat(100_000)),
                    row(v1, "cancel a negative id", ExitCodes.INVALID_REQUEST, "order ids are positive numbers, not '-5'",
                            "cancel", "--id=-5", "--pair", "BTC_USD"),
                    row(v1, "cancel a word", ExitCodes.INVALID_REQUEST, "order ids are positive numbers, not 'abc'",
                            "cancel", "--id", "abc", "--pair", "BTC_USD"),
                    row(v1, "cancel all of a market", ExitCodes.UNSUPPORTED, "does not support CANCEL_ALL_ORDERS",
                            "cancel", "--all", "--pair", "NOPE_USD"),
                    row(v1, "trades limit 0", ExitCodes.INVALID_REQUEST, "trades needs a pair and a positive limit",
                            "trades", "--pair", "BTC_USD", "--limit", "0"),
                    row(v1, "candles of an unknown market", ExitCodes.INVALID_REQUEST, v1 + " has no market NOPE/USD",
                            "candles", "--pair", "NOPE_USD", "--from", "2026-11-20", "--to", "2026-11-21")));
        }
        String place = "place";
        rows.addAll(List.of(
                row("btse", "place with amount 0", ExitCodes.INVALID_REQUEST, "amount must be positive, was 0",
                        place, "--pair", "BTC-USD", "--side", "buy", "--amount", "0", "--price", "30000"),
                row("btse", "place with amount 1e-999999999", ExitCodes.INVALID_REQUEST,
                        "has 999999999 decimals, BTC/USD allows 5",
                        place, "--pair", "BTC-USD", "--side", "buy", "--amount", "1e-999999999", "--price", "30000"),
                row("btse", "place with price 1E+999999999", ExitCodes.INVALID_REQUEST,
                        "price 1E999999999 has more than 40 digits before or after the point",
                        place, "--pair", "BTC-USD", "--side", "buy", "--amount", "0.01", "--price", "1E+999999999"),
                row("btse", "place with a 100,000-character client order id", ExitCodes.INVALID_REQUEST,
                        "clOrderID has 100000 characters, at most 64 are sent",
                        place, "--pair", "BTC-USD", "--side", "buy", "--amount", "0.01", "--price", "30000",
                        "--client-order-id", "x".repeat(100_000)),
                row("btse", "cancel all of an unknown market", ExitCodes.INVALID_REQUEST, "btse lists no market NOPE-USD",
                        "cancel", "--all", "--pair", "NOPE-USD"),
                row("btse", "place off the price increment", ExitCodes.INVALID_REQUEST,
                        "price 30000.25 has 2 decimals, BTC/USD allows 1",
                        place, "--pair", "BTC-USD", "--side", "buy", "--amount", "0.01", "--price", "30000.25"),
                row("btse", "place off the size increment", ExitCodes.INVALID_REQUEST,
                        "amount 0.000001 has 6 decimals, BTC/USD allows 5",
                        place, "--pair", "BTC-USD", "--side", "buy", "--amount", "0.000001", "--price", "30000"),
                row("btse", "place on an unknown market", ExitCodes.INVALID_REQUEST, "btse has no market NOPE/USD",
                        place, "--pair", "NOPE-USD", "--side", "sell", "--amount", "0.01", "--price", "30000"),
                row("btse", "trades limit 0", ExitCodes.INVALID_REQUEST, "trades needs a pair and a positive limit",
                        "trades", "--pair", "BTC-USD", "--limit", "0"),
                row("btse", "withdraw 9 decimals", ExitCodes.INVALID_REQUEST,
                        "amount 0.123456789 has 9 decimals, BTSE withdraws at most 8", "withdraw", "--currency", "BTC",
                        "--network", "Bitcoin", "--amount", "0.123456789", "--address", "bc1qexample"),
                row("btse", "withdraw a negative amount", ExitCodes.INVALID_REQUEST, "amount must be positive, was -1",
                        "withdraw", "--currency", "BTC", "--network", "Bitcoin", "--amount=-1", "--address",
                        "bc1qexample"),
                row("btse", "transfer 0", ExitCodes.INVALID_REQUEST, "invalid transfer: amount must be positive, was 0", "transfer", "--currency", "BTC",
                        "--amount", "0", "--to", BtseConnector.RECIPIENT, "--to-email", BtseConnector.RECIPIENT_EMAIL),
                row("btse", "withdraw without an address", ExitCodes.USAGE, "Missing required option: '--address", "withdraw", "--currency", "BTC",
                        "--network", "Bitcoin", "--amount", "0.1"),
                row("btse", "book depth 0", ExitCodes.USAGE, "--depth must be between 1 and 100",
                        "book", "--pair", "BTC-USD", "--depth", "0"),
                row("btse", "candles of interval 7m", ExitCodes.USAGE, "is not a candle interval",
                        "candles", "--pair", "BTC-USD", "--interval", "7m")));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void isOneLineWithItsExitCodeAndTheSimulatorReceivesNothing(Row row) {
        Venue venue = venue(row.venue());
        venue.simulator().server().clearRecords();
        long connections = venue.simulator().server().acceptedConnections();
        CliHarness cli = new CliHarness(venue.registry(), Map.of(
                CredentialSource.keyVariable(row.venue()), venue.account().key(),
                CredentialSource.secretVariable(row.venue()), venue.account().secret()), false);
        List<String> line = new ArrayList<>(row.args());
        line.addAll(List.of("--venue", row.venue()));
        line.addAll(venue.connection());

        int exit = cli.run(line.toArray(String[]::new));

        assertThat(exit).as(cli.err()).isEqualTo(row.exitCode());
        assertThat(cli.err().lines().toList()).singleElement().asString()
                .startsWith("exflux: ").contains(row.rule()).doesNotContain(venue.account().secret())
                .doesNotContainPattern("\\d{25}").hasSizeLessThan(300);
        List<RecordedRequest> sent = venue.simulator().server().requests();
        if (exit == ExitCodes.USAGE) {
            assertThat(sent).as("a usage error sends nothing").isEmpty();
        }
        assertThat(sent).as("nothing but the market list the checks read")
                .allSatisfy(request -> assertThat(request.method() + " " + request.path())
                        .startsWith("GET ").endsWith(venue.marketList()));
        assertThat(venue.simulator().server().frames()).as("websocket frames").isEmpty();
    }

    /** Every row of the command line, ALP's and the other venues', is a row of the table in the guide. */
    @Test
    void theGuidesTableIsTheseRows() {
        List<Row> all = new ArrayList<>();
        Stream.concat(ExfluxBadArgumentsTest.rows(), ExfluxBadArgumentsTest.urls()).forEach(arguments -> {
            Object[] values = arguments.get();
            Named<?> named = (Named<?>) values[0];
            @SuppressWarnings("unchecked")
            List<String> args = (List<String>) named.getPayload();
            all.add(new Row("alp", named.getName(), args, (Integer) values[1], (String) values[2]));
        });
        rows().forEach(all::add);
        StringBuilder table = new StringBuilder("| Venue | Command | Exit | The line on standard error names |\n")
                .append("|---|---|---|---|\n");
        for (Row row : all) {
            String command = row.args().stream().map(GeneratedSection::cell).collect(Collectors.joining(" "))
                    + (row.venue().equals("alp") ? "" : " --venue " + row.venue());
            table.append("| ").append(row.venue()).append(" | `exflux ").append(command).append("` | ")
                    .append(row.exitCode()).append(" | ").append(GeneratedSection.cell(row.rule())).append(" |\n");
        }

        assertThat(all).hasSizeGreaterThanOrEqualTo(60);
        GeneratedSection.check(BAD_INPUTS_PAGE, "cli", table.toString());
    }
}
