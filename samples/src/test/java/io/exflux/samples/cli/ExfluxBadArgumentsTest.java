package io.exflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.samples.cli.venue.AlpConnector;
import io.exflux.samples.cli.venue.VenueRegistry;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad arguments on the command line, one row each, through the real ALP client pointed ({@code --url}) at a
 * loopback venue that records what reaches it. Each is one line on standard error naming the rule, with the
 * documented exit code (2 usage, 3 not supported, 6 invalid request or unknown market), no secret, no number
 * spelled out; and nothing is sent but the market list that the checks read ({@code GET /pairs}); a usage error
 * sends nothing at all.
 */
class ExfluxBadArgumentsTest {

    private static final String SECRET = "CANARY-cli-secret-77";
    private static final String PASSWORD = "hunter2-pw";
    private static final String PAIRS = "[{\"name\":\"BTC_USDT\",\"currency1\":\"BTC\",\"currency2\":\"USDT\","
            + "\"price_precision\":2,\"amount_precision\":8,\"minimum_order_size\":0.001,"
            + "\"maximum_order_size\":10.0,\"minimum_order_value\":10.0}]";

    private static FakeVenueServer server;

    @BeforeAll
    static void start() {
        server = FakeVenueServer.start();
        server.route("GET", "/api/v3/pairs").respond(FakeResponse.ok(PAIRS));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Arguments row(String name, int exitCode, String rule, String... args) {
        return Arguments.of(Named.of(name, List.of(args)), exitCode, rule);
    }

    static Stream<Arguments> rows() {
        String place = "place";
        return Stream.of(
                // place: amounts, prices, pairs, sides, types, ids
                row("place with amount 0", ExitCodes.INVALID_REQUEST, "amount must be positive",
                        place, "--pair", "BTC_USDT", "--side", "buy", "--amount", "0", "--price", "45000"),
                row("place with a negative amount", ExitCodes.INVALID_REQUEST, "amount must be positive",
                        place, "--pair", "BTC_USDT", "--side", "buy", "--amount=-1", "--price", "45000"),
                row("place with an amount that is no number", ExitCodes.USAGE, "'--amount'",
                        place, "--pair", "BTC_USDT", "--side", "buy", "--amount", "lots", "--price", "45000"),
                row("place with amount 1e-999999999", ExitCodes.INVALID_REQUEST, "BTC/USDT allows 8",
                        place, "--pair", "BTC_USDT", "--side", "buy", "--amount", "1e-999999999", "--price", "45000"),
                row("place with amount 1E+999999999", ExitCodes.INVALID_REQUEST, "above the maximum order size",
                        place, "--pair", "BTC_USDT", "--side", "buy", "--amount", "1E+999999999", "--price", "45000"),
                row("place with price 1E+999999999", ExitCodes.INVALID_REQUEST, "more than 40 digits",
                        place, "--pair", "BTC_USDT", "--side", "buy", "--amount", "1", "--price", "1E+999999999"),
                row("place with a too precise price", ExitCodes.INVALID_REQUEST, "has 3 decimals, BTC/USDT allows 2",
                        place, "--pair", "BTC_USDT", "--side", "buy", "--amount", "0.01", "--price", "45000.123"),
                row("place below the minimum value", ExitCodes.INVALID_REQUEST, "below the minimum order value",
                        place, "--pair", "BTC_USDT", "--side", "buy", "--amount", "0.001", "--price", "1"),
                row("place on an unknown market", ExitCodes.INVALID_REQUEST, "no market NOPE/USDT",
                        place, "--pair", "NOPE_USDT", "--side", "buy", "--amount", "1", "--price", "45000"),
                row("place on a malformed pair", ExitCodes.USAGE, "not a currency pair",
                        place, "--pair", "BTCUSDT", "--side", "buy", "--amount", "1", "--price", "45000"),
                row("place on a 10,000-character pair", ExitCodes.USAGE, "(10000 characters)",
                        place, "--pair", "B".repeat(10_000), "--side", "buy", "--amount", "1", "--price", "45000"),
                row("place with side up", ExitCodes.USAGE, "--side must be buy or sell",
                        place, "--pair", "BTC_USDT", "--side", "up", "--amount", "1", "--price", "45000"),
                row("place of type stop", ExitCodes.USAGE, "--type must be limit or market",
                        place, "--pair", "BTC_USDT", "--side", "buy", "--type", "stop", "--amount", "1"),
                row("place a limit order without price", ExitCodes.USAGE, "a limit order needs --price",
                        place, "--pair", "BTC_USDT", "--side", "buy", "--amount", "1"),
                row("place a market buy sized in base", ExitCodes.INVALID_REQUEST, "quote amount for a market BUY",
                        place, "--pair", "BTC_USDT", "--side", "buy", "--type", "market", "--amount", "1"),
                row("place with a 100,000-character client order id", ExitCodes.INVALID_REQUEST,
                        "client_order_id has 100000 characters", place, "--pair", "BTC_USDT", "--side", "buy",
                        "--amount", "0.01", "--price", "45000", "--client-order-id", "x".repeat(100_000)),
                // candles: dates, ranges, intervals
                row("candles from a date that does not exist", ExitCodes.USAGE, "is not a time",
                        "candles", "--from", "2026-13-45", "--to", "2026-11-21"),
                row("candles from a 14-digit epoch", ExitCodes.USAGE, "is not a time",
                        "candles", "--from", "99999999999999", "--to", "2026-11-21"),
                row("candles from after to", ExitCodes.USAGE, "--from must be before --to",
                        "candles", "--from", "2026-11-22", "--to", "2026-11-21"),
                row("candles from equal to", ExitCodes.USAGE, "--from must be before --to",
                        "candles", "--from", "2026-11-21", "--to", "2026-11-21"),
                row("candles of interval 7m", ExitCodes.USAGE, "is not a candle interval",
                        "candles", "--interval", "7m", "--from", "2026-11-20", "--to", "2026-11-21"),
                row("candles of an interval ALP lacks", ExitCodes.UNSUPPORTED, "no H6 candles",
                        "candles", "--interval", "6h", "--from", "2026-11-20", "--to", "2026-11-21"),
                row("candles of an unknown market", ExitCodes.INVALID_REQUEST, "no market NOPE/USDT",
                        "candles", "--pair", "NOPE_USDT", "--from", "2026-11-20", "--to", "2026-11-21"),
                row("candles in format xml", ExitCodes.USAGE, "--format must be csv or json",
                        "candles", "--format", "xml", "--from", "2026-11-20", "--to", "2026-11-21"),
                // cancel: ids, markets
                row("cancel a negative id", ExitCodes.INVALID_REQUEST, "positive numbers, not '-5'",
                        "cancel", "--id=-5"),
                row("cancel a word", ExitCodes.INVALID_REQUEST, "positive numbers, not 'abc'", "cancel", "--id", "abc"),
                row("cancel all of an unknown market", ExitCodes.INVALID_REQUEST, "unknown pair NOPE/USDT",
                        "cancel", "--all", "--pair", "NOPE_USDT"),
                row("cancel without --id or --all", ExitCodes.USAGE, "give either --id or --all", "cancel"),
                // limits, depths, durations, URLs
                row("trades limit 0", ExitCodes.INVALID_REQUEST, "positive limit", "trades", "--limit", "0"),
                row("trades limit past an int", ExitCodes.USAGE, "'--limit'", "trades", "--limit", "99999999999"),
                row("trades follow for 5x", ExitCodes.USAGE, "is not a duration",
                        "trades", "--follow", "--duration", "5x"),
                row("book depth 0", ExitCodes.USAGE, "--depth must be between 1 and 100", "book", "--depth", "0"),
                row("book depth 1000000", ExitCodes.USAGE, "--depth must be between 1 and 100",
                        "book", "--depth", "1000000"),
                // collect and book from Kafka: refused before any connection
                row("collect without --kafka", ExitCodes.USAGE, "'--kafka",
                        "collect", "--pairs", "BTC_USDT"),
                row("collect with a blank --kafka", ExitCodes.USAGE, "bootstrapServers must name at least one host:port",
                        "collect", "--kafka", " ", "--pairs", "BTC_USDT"),
                row("collect a malformed pair", ExitCodes.USAGE, "not a currency pair",
                        "collect", "--kafka", "127.0.0.1:1", "--pairs", "BTC_USDT,BTCUSDT"),
                row("book from a blank --from-kafka", ExitCodes.USAGE, "bootstrapServers must name at least one host:port",
                        "book", "--from-kafka", " "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void isOneLineWithItsExitCodeAndNothingIsSent(List<String> args, int exitCode, String rule) {
        server.clearRecords();
        CliHarness cli = new CliHarness(new VenueRegistry(List.of(new AlpConnector())),
                Map.of("EXFLUX_ALP_API_KEY", "KEY-1", "EXFLUX_ALP_API_SECRET", SECRET), false);
        List<String> line = new ArrayList<>(args);
        line.addAll(List.of("--url", server.baseUrl() + "/api/v3", "--ws-url", server.wsUrl("/ws")));

        int exit = cli.run(line.toArray(String[]::new));

        assertThat(exit).as(cli.err()).isEqualTo(exitCode);
        assertThat(cli.err().lines().toList()).singleElement().asString()
                .startsWith("exflux: ").contains(rule).doesNotContain(SECRET)
                .doesNotContainPattern("\\d{25}").hasSizeLessThan(300);
        List<RecordedRequest> sent = server.requests();
        if (exitCode == ExitCodes.USAGE) {
            assertThat(sent).as("a usage error sends nothing").isEmpty();
        }
        assertThat(sent).as("nothing but the market list the checks read")
                .allSatisfy(request -> assertThat(request.method() + " " + request.path())
                        .isEqualTo("GET /api/v3/pairs"));
        assertThat(server.frames()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urls")
    void aUrlWithCredentialsOrAQueryIsRefusedWithoutPrintingIt(List<String> args, int exitCode, String rule) {
        CliHarness cli = new CliHarness(new VenueRegistry(List.of(new AlpConnector())), Map.of(), false);

        int exit = cli.run(args.toArray(String[]::new));

        assertThat(exit).isEqualTo(exitCode);
        assertThat(cli.err().lines().toList()).singleElement().asString()
                .startsWith("exflux: ").contains(rule).doesNotContain(PASSWORD);
    }

    static Stream<Arguments> urls() {
        return Stream.of(
                row("pairs at a REST URL with a password", ExitCodes.INVALID_REQUEST,
                        "restUrl must not carry credentials",
                        "pairs", "--url", "https://trader:" + PASSWORD + "@127.0.0.1:1/api/v3"),
                row("pairs at a websocket URL with a password", ExitCodes.INVALID_REQUEST,
                        "wsUrl must not carry credentials",
                        "pairs", "--ws-url", "wss://trader:" + PASSWORD + "@127.0.0.1:1/ws"),
                row("pairs at a REST URL with a query", ExitCodes.INVALID_REQUEST, "restUrl must not carry a query",
                        "pairs", "--url", "https://127.0.0.1:1/api/v3?key=" + PASSWORD));
    }
}
