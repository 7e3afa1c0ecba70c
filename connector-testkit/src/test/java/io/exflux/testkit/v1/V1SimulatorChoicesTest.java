package io.exflux.testkit.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Side;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.SimOrderRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where the two documents differ or are silent, what the simulator answers: each dialect's order-book path,
 * keys and limits, the exchange lists' defaults and paging, chart types, and the errors of bad input.
 */
class V1SimulatorChoicesTest {

    private static final CurrencyPair BTC_USD = CurrencyPair.of("BTC", "USD");

    private static V1Simulator start(V1Dialect dialect) {
        return V1Simulator.start(V1SimulatorOptions.builder(dialect).generatorEnabled(false).unthrottled().build());
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void badInputIsRefusedWithAStatusAndAMessageThatNamesTheRule(V1Dialect dialect) {
        try (V1Simulator sim = start(dialect)) {
            V1Calls calls = new V1Calls(sim);
            ApiKeys.ApiKey key = sim.createAccount(Map.of("USD", new BigDecimal("1000")));
            ApiKeys.ApiKey other = sim.createAccount(Map.of("USD", new BigDecimal("1000")));

            assertRefused(calls.post("/v1/order/", order("buy", "DOGE_USD", "1", "1"), key), 400, "Pair not found: DOGE_USD");
            assertRefused(calls.post("/v1/order/", order("buy", "BTC_USD", "1", "1.0001"), key), 400, "Invalid price");
            assertRefused(calls.post("/v1/order/", order("buy", "BTC_USD", "0", "1"), key), 400, "Invalid amount");
            assertRefused(calls.post("/v1/order/", order("buy", "BTC_USD", "-1", "1"), key), 400, "Invalid amount");
            assertRefused(calls.post("/v1/order/", order("buy", "BTC_USD", "abc", "1"), key), 400, "invalid amount");
            assertRefused(calls.post("/v1/order/", order("hold", "BTC_USD", "1", "1"), key), 400, "type must be sell or buy");
            assertRefused(calls.post("/v1/order/", order("buy", "BTC_USD", "1", "1001"), key), 400, "Out of balance");
            assertRefused(calls.get("/v1/order/99999/"), 404, "Order not found");
            assertRefused(calls.get("/v1/order/abc/"), 400, "invalid order id");

            long mine = calls.post("/v1/order/", order("buy", "BTC_USD", "1", "100"), key).body().path("oid").asLong();
            assertRefused(calls.get("/v1/order/" + mine + "/", other), 404, "Order not found");
            assertThat(calls.get("/v1/order/" + mine + "/", key).status()).as("its owner, signed").isEqualTo(200);
            assertRefused(calls.post("/v1/order-cancel/", Map.of("order", Long.toString(mine)), other), 403,
                    "You do not have access to this order");
            assertThat(calls.post("/v1/order-cancel/", Map.of("order", Long.toString(mine)), key).status()).isEqualTo(200);
            assertRefused(calls.post("/v1/order-cancel/", Map.of("order", Long.toString(mine)), key), 400,
                    "Order not found, done or already cancelled");
            assertThat(calls.get("/v1/order/" + mine + "/").body().path("status").asText()).as("cancelled").isEqualTo("2");

            assertRefused(calls.get("/charts/BTC_USD/2/chart"), 400, "invalid chart type");
            assertThat(calls.get("/charts/BTC_USD/1/chart").status()).as("type 1 is listed by both documents").isEqualTo(200);
            assertThat(calls.get("/charts/BTC_USD/D/chart").status()).isEqualTo(200);
            assertThat(calls.get("/v1/charts/BTC_USD/60/chart").status()).as("charts live outside /v1/").isEqualTo(404);
        }
    }

    @Test
    void btcAlphaTakesTheOrderBookPairAsAQueryParameterWithItsInvertedKeys() {
        try (V1Simulator sim = start(V1Dialect.BTC_ALPHA)) {
            V1Calls calls = new V1Calls(sim);
            rest(sim, 3);
            JsonNode book = calls.get("/v1/orderbook/?pair=BTC_USD&limit_bids=2").body();
            assertThat(book.path("bids")).as("limit_bids limits the sell orders").hasSize(2);
            assertThat(book.path("asks")).as("100 by default").hasSize(3);
            assertThat(book.path("bids").get(0).path("price").decimalValue()).as("sell orders, best first")
                    .isEqualByComparingTo("1001");
            assertRefused(calls.get("/v1/orderbook/"), 400, "pair is required");
            assertThat(calls.get("/v1/orderbook/BTC_USD/").status()).as("the later path is not this document's").isEqualTo(404);
        }
    }

    @Test
    void bitexbitTakesTheOrderBookPairInThePathWithItsLimitsAndTheSpellingOfItsExamples() {
        try (V1Simulator sim = start(V1Dialect.BITEXBIT)) {
            V1Calls calls = new V1Calls(sim);
            rest(sim, 3);
            JsonNode all = calls.get("/v1/orderbook/BTC_USD/").body();
            assertThat(all.path("sell")).as("all by default").hasSize(3);
            assertThat(all.path("buy").get(0).path("price").decimalValue()).isEqualByComparingTo("999");
            JsonNode limited = calls.get("/v1/orderbook/BTC_USD/?limit_sell=1&limit_buy=2").body();
            assertThat(limited.path("sell")).hasSize(1);
            assertThat(limited.path("buy")).hasSize(2);
            JsonNode asExamples = calls.get("/v1/orderbook/BTC_USD/?limit_bids=1&limit_asks=2").body();
            assertThat(asExamples.path("sell")).as("limit_bids, as the examples send it: sell orders").hasSize(1);
            assertThat(asExamples.path("buy")).hasSize(2);
            assertRefused(calls.get("/v1/orderbook/DOGE_USD/"), 400, "Pair not found: DOGE_USD");
            assertThat(calls.get("/v1/orderbook/?pair=BTC_USD").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void theExchangeListsHaveEachDocumentsDefaultLimitAndBitexbitsPaging(V1Dialect dialect) {
        try (V1Simulator sim = start(dialect)) {
            V1Calls calls = new V1Calls(sim);
            trade(sim, 150);
            JsonNode newest = calls.get("/v1/exchanges/").body();
            assertThat(newest).hasSize(dialect == V1Dialect.BITEXBIT ? 100 : 150);
            long last = newest.get(0).path("id").asLong();
            assertThat(newest.get(1).path("id").asLong()).as("newest first").isLessThan(last);
            if (dialect == V1Dialect.BITEXBIT) {
                JsonNode page = calls.get("/v1/exchanges/?ordering=id&offset=10&limit=5").body();
                assertThat(page).hasSize(5);
                assertThat(page.get(0).path("id").asLong()).isEqualTo(last - 139);
                assertThat(page.get(4).path("id").asLong()).isEqualTo(last - 135);
                assertRefused(calls.get("/v1/exchanges/?ordering=price"), 400, "invalid ordering: id or -id");
            } else {
                assertThat(calls.get("/v1/exchanges/?ordering=id&offset=10").body().get(0).path("id").asLong())
                        .as("no paging in this document").isEqualTo(last);
            }
        }
    }

    private static void assertRefused(V1Calls.Answer answer, int status, String message) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(answer.error()).startsWith(message);
        assertThat(answer.body().path("date").isNumber()).isTrue();
    }

    private static Map<String, String> order(String type, String pair, String amount, String price) {
        return Map.of("type", type, "pair", pair, "amount", amount, "price", price);
    }

    /** {@code levels} sell orders from 1001 up and buy orders from 999 down, 0.1 each. */
    private static void rest(V1Simulator sim, int levels) {
        ApiKeys.ApiKey maker = sim.createAccount(Map.of("USD", new BigDecimal("100000"), "BTC", BigDecimal.TEN));
        sim.simulator().call(ex -> {
            for (int i = 0; i < levels; i++) {
                ex.place(SimOrderRequest.limit(maker.accountId(), BTC_USD, Side.SELL, "0.1", Integer.toString(1001 + i)));
                ex.place(SimOrderRequest.limit(maker.accountId(), BTC_USD, Side.BUY, "0.1", Integer.toString(999 - i)));
            }
            return null;
        }).block(Duration.ofSeconds(5));
    }

    private static void trade(V1Simulator sim, int trades) {
        ApiKeys.ApiKey seller = sim.createAccount(Map.of("BTC", BigDecimal.TEN));
        ApiKeys.ApiKey buyer = sim.createAccount(Map.of("USD", new BigDecimal("1000000")));
        sim.simulator().call(ex -> {
            for (int i = 0; i < trades; i++) {
                ex.place(SimOrderRequest.limit(seller.accountId(), BTC_USD, Side.SELL, "0.01", "1000"));
                ex.place(SimOrderRequest.limit(buyer.accountId(), BTC_USD, Side.BUY, "0.01", "1000"));
            }
            return null;
        }).block(Duration.ofSeconds(5));
    }
}
