package io.exflux.testkit.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.testkit.sim.ApiKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every REST example of both documents (copied verbatim into {@code src/test/resources/v1/}) against what
 * the simulator answers to the same call: same field names, JSON types and time units. The socket
 * examples are checked against live events by {@link V1SocketInteropTest}.
 */
class V1SimulatorDocumentTest {

    private static final Path EXAMPLES = examples();

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void everyRestExampleOfTheDocumentHasTheShapeOfTheSimulatorsAnswer(V1Dialect dialect) {
        V1SimulatorOptions options = V1SimulatorOptions.builder(dialect).generatorEnabled(false).unthrottled().build();
        Set<String> checked = new TreeSet<>();
        try (V1Simulator sim = V1Simulator.start(options)) {
            V1Calls calls = new V1Calls(sim);
            ApiKeys.ApiKey maker = sim.createAccount(Map.of("USD", new BigDecimal("1000000"), "BTC", new BigDecimal("100")));
            ApiKeys.ApiKey taker = sim.createAccount(Map.of("USD", new BigDecimal("1000000")));
            long resting = place(calls, maker, "sell", "0.5", "1000").path("oid").asLong();
            place(calls, maker, "sell", "0.3", "1001");
            long bid = place(calls, maker, "buy", "0.2", "900").path("oid").asLong();

            JsonNode created = place(calls, taker, "buy", "0.1", "1000");
            assertThat(created.path("trades")).hasSize(1);
            assertThat(created.path("trades").get(0).path("o_id").asLong()).as("the matched resting order").isEqualTo(resting);
            assertThat(created.path("trades").get(0).path("type").asText()).isEqualTo("sell");
            assertThat(created.path("amount").decimalValue()).as("nothing left open").isZero();
            matches(dialect, "create-order", created, checked);

            matches(dialect, "list-all-currencies", ok(calls.get("/v1/currencies/")), checked);
            JsonNode pairs = ok(calls.get("/v1/pairs/?currency1=BTC&currency2=USD"));
            assertThat(pairs).hasSize(1);
            matches(dialect, "list-all-pairs", pairs, checked);
            JsonNode wallets = ok(calls.get("/v1/wallets/?currency_id=BTC", taker));
            assertThat(wallets.get(0).path("balance").decimalValue()).isEqualByComparingTo("0.1");
            matches(dialect, "list-own-wallets", wallets, checked);

            if (dialect == V1Dialect.BTC_ALPHA) {
                JsonNode book = ok(calls.get("/v1/orderbook/?pair=BTC_USD&limit_bids=1&limit_asks=1"));
                assertThat(book.path("bids").get(0).path("price").decimalValue()).as("bids are sell orders")
                        .isEqualByComparingTo("1000");
                assertThat(book.path("asks").get(0).path("price").decimalValue()).isEqualByComparingTo("900");
                matches(dialect, "get-orderbook", book, checked);
                JsonNode all = ok(calls.get("/v1/orders/?pair=BTC_USD&status=1"));
                assertThat(all).extracting(o -> o.path("id").asLong()).contains(resting, bid);
                matches(dialect, "list-all-orders", all, checked);
            } else {
                JsonNode book = ok(calls.get("/v1/orderbook/BTC_USD/?limit_sell=1&limit_buy=1"));
                assertThat(book.path("sell")).hasSize(1);
                assertThat(book.path("sell").get(0).path("price").decimalValue()).isEqualByComparingTo("1000");
                matches(dialect, "get-orderbook-ungrouped", book, checked);
                matches(dialect, "get-orderbook-grouped", ok(calls.get("/v1/orderbook/BTC_USD/?group=1")), checked);
                assertThat(calls.get("/v1/orders/").status()).as("no public order list").isEqualTo(404);
            }

            JsonNode own = ok(calls.get("/v1/orders/own/?type=buy", maker));
            assertThat(own).extracting(o -> o.path("id").asLong()).containsExactly(bid);
            matches(dialect, "list-own-orders", own, checked);
            JsonNode single = ok(calls.get("/v1/order/" + resting + "/"));
            assertThat(single.path("status").asText()).isEqualTo("1");
            matches(dialect, "retrieve-single-order", single, checked);

            JsonNode cancelled = ok(calls.post("/v1/order-cancel/", Map.of("order", Long.toString(bid)), maker));
            assertThat(cancelled.path("order").asLong()).isEqualTo(bid);
            matches(dialect, "cancel-order", cancelled, checked);

            JsonNode exchanges = ok(calls.get("/v1/exchanges/?pair=BTC_USD"));
            assertThat(exchanges).hasSize(1);
            assertThat(exchanges.get(0).path("type").asText()).as("the taker bought").isEqualTo("buy");
            matches(dialect, "list-all-exchanges", exchanges, checked);
            JsonNode mine = ok(calls.get("/v1/exchanges/own/", maker));
            assertThat(mine.get(0).path("type").asText()).as("the maker's own side").isEqualTo("sell");

            JsonNode deposits = ok(calls.get("/v1/deposits/", taker));
            assertThat(deposits.get(0).path("amount").decimalValue()).isEqualByComparingTo("1000000");
            matches(dialect, "list-own-deposits", deposits, checked);
            sim.withdraw(taker, "BTC", new BigDecimal("0.05"), 20).block(Duration.ofSeconds(5));
            JsonNode withdraws = ok(calls.get("/v1/withdraws/", taker));
            assertThat(withdraws.get(0).path("status").asInt()).isEqualTo(20);
            matches(dialect, "list-own-made-withdraws", withdraws, checked);

            JsonNode chart = ok(calls.get("/charts/BTC_USD/60/chart?limit=1"));
            assertThat(chart).hasSize(1);
            assertThat(chart.get(0).path("close").decimalValue()).isEqualByComparingTo("1000");
            matches(dialect, "charts", chart, checked);
        }
        assertThat(checked).as("every REST example of the document").isEqualTo(restExamples(dialect));
    }

    private static JsonNode place(V1Calls calls, ApiKeys.ApiKey key, String type, String amount, String price) {
        return ok(calls.post("/v1/order/", Map.of("type", type, "pair", "BTC_USD", "amount", amount, "price", price), key));
    }

    private static JsonNode ok(V1Calls.Answer answer) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static void matches(V1Dialect dialect, String slug, JsonNode answer, Set<String> checked) {
        Path file = example(dialect, slug);
        checked.add(file.getFileName().toString());
        assertThat(JsonShape.differences(read(file), answer)).as("%s against %s", file.getFileName(), answer).isEmpty();
    }

    static Path example(V1Dialect dialect, String slug) {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.getFileName().toString().matches(dialect.venue() + "-\\d\\d-" + slug + "\\.json"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no example " + slug + " of " + dialect));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return V1Calls.json(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> restExamples(V1Dialect dialect) {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith(dialect.venue() + "-") && !name.contains("-socket-"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path examples() {
        try {
            return Path.of(V1SimulatorDocumentTest.class.getResource("/v1").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
