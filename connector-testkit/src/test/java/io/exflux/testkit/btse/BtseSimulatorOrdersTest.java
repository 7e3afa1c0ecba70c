package io.exflux.testkit.btse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.testkit.sim.ApiKeys;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order endpoints at the wire: HTTP 200 with the API enum's status codes, amend keeps the id, every kind of order. */
class BtseSimulatorOrdersTest {

    private BtseSimulator sim;
    private BtseCalls calls;

    @BeforeEach
    void start() {
        sim = BtseSimulator.start(BtseSimulatorOptions.builder().generatorEnabled(false).unthrottled().build());
        calls = new BtseCalls(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void placeAmendFillQueryAndCancelAnswerWithTheirStatusCodes() {
        ApiKeys.ApiKey maker = sim.createAccount(Map.of("BTC", new BigDecimal("1")));
        ApiKeys.ApiKey taker = sim.createAccount(Map.of("USD", new BigDecimal("100000")));
        JsonNode placed = row(calls.post("/order", order("SELL", "LIMIT", "0.1", "80000", ",\"clOrderID\":\"m-1\""), maker));
        assertThat(placed.path("status").asInt()).isEqualTo(2);
        assertThat(placed.path("orderType").asInt()).isEqualTo(76);
        assertThat(placed.path("clOrderID").asText()).isEqualTo("m-1");
        String id = placed.path("orderID").asText();
        assertThat(id).isNotEmpty();

        JsonNode repriced = row(calls.put("/order", "{\"symbol\":\"BTC-USD\",\"orderID\":\"" + id
                + "\",\"type\":\"PRICE\",\"value\":\"81000\"}", maker));
        assertThat(repriced.path("orderID").asText()).as("an amend keeps the order id").isEqualTo(id);
        assertThat(repriced.path("price").decimalValue()).isEqualByComparingTo("81000");
        assertThat(sim.book("BTC-USD", 5).asks()).singleElement()
                .satisfies(level -> assertThat(level.price()).isEqualByComparingTo("81000"));
        JsonNode resized = row(calls.put("/order", "{\"symbol\":\"BTC-USD\",\"clOrderID\":\"m-1\",\"type\":\"ALL\","
                + "\"orderPrice\":\"81000\",\"orderSize\":\"0.05\"}", maker));
        assertThat(resized.path("size").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(resized.path("orderID").asText()).isEqualTo(id);

        JsonNode fill = row(calls.post("/order", order("BUY", "LIMIT", "0.02", "81000", ""), taker));
        assertThat(fill.path("status").asInt()).as("fully transacted").isEqualTo(4);
        assertThat(fill.path("fillSize").decimalValue()).isEqualByComparingTo("0.02");
        JsonNode queried = calls.get("/order?clOrderID=m-1", maker).body();
        assertThat(queried.path("status").asInt()).as("partially transacted").isEqualTo(5);
        assertThat(queried.path("orderID").asText()).isEqualTo(id);
        JsonNode trades = calls.get("/user/trade_history?symbol=BTC-USD", maker).body();
        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.path("orderId").asText()).isEqualTo(id);
            assertThat(t.path("side").asText()).isEqualTo("SELL");
            assertThat(t.path("wallet").asText()).isEqualTo("SPOT@");
        });

        JsonNode cancelled = row(calls.delete("/order?symbol=BTC-USD&clOrderID=m-1", maker));
        assertThat(cancelled.path("status").asInt()).isEqualTo(6);
        assertThat(row(calls.delete("/order?symbol=BTC-USD&orderID=" + id, maker)).path("status").asInt())
                .as("not found once cancelled").isEqualTo(16);
        assertThat(calls.get("/user/open_orders?symbol=BTC-USD", maker).body()).isEmpty();
    }

    @Test
    void refusalsAreHttp200WithTheirStatusAndMalformedRequestsAre400() {
        ApiKeys.ApiKey poor = sim.createAccount(Map.of("USD", new BigDecimal("10")));
        assertThat(status(order("BUY", "LIMIT", "1", "60000", ""), poor)).as("insufficient balance").isEqualTo(8);
        assertThat(status(order("BUY", "LIMIT", "0.000001", "60000", ""), poor)).as("invalid size").isEqualTo(301);
        assertThat(status(order("BUY", "LIMIT", "3000", "1", ""), poor)).as("over the maximum size").isEqualTo(300);
        assertThat(status(order("BUY", "LIMIT", "0.001", "60000.05", ""), poor)).as("invalid price").isEqualTo(302);
        ApiKeys.ApiKey seller = sim.createAccount(Map.of("ETH", new BigDecimal("1")));
        ApiKeys.ApiKey buyer = sim.createAccount(Map.of("USD", new BigDecimal("10000")));
        assertThat(calls.post("/order", "{\"symbol\":\"ETH-USD\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":\"3000\","
                + "\"size\":\"0.5\"}", seller).status()).isEqualTo(200);
        assertThat(calls.post("/order", "{\"symbol\":\"ETH-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"3000\","
                + "\"size\":\"0.1\",\"postOnly\":true}", buyer).body().get(0).path("status").asInt())
                .as("post-only that would take").isEqualTo(15);
        BtseCalls.Answer noSide = calls.post("/order", "{\"symbol\":\"BTC-USD\",\"type\":\"LIMIT\",\"price\":\"1\",\"size\":\"1\"}", poor);
        assertThat(noSide.status()).isEqualTo(400);
        assertThat(noSide.body().path("msg").asText()).startsWith("BADREQUEST: ").contains("side");
        assertThat(calls.post("/order", order("BUY", "LIMIT", "1", "1", ",\"deviation\":11"), poor).status()).isEqualTo(400);
        assertThat(calls.get("/order?orderID=nope", poor).body().path("status").asInt()).isEqualTo(16);
    }

    @Test
    void everyOrderTypeAndTimeInForceIsServed() {
        ApiKeys.ApiKey trader = sim.createAccount(Map.of("USD", new BigDecimal("100000"), "BTC", new BigDecimal("1")));
        for (String tif : List.of("GTC", "HALFMIN", "FIVEMIN", "HOUR", "TWELVEHOUR", "DAY", "WEEK", "MONTH")) {
            JsonNode row = row(calls.post("/order", order("BUY", "LIMIT", "0.001", "1000", ",\"time_in_force\":\"" + tif + "\""), trader));
            assertThat(row.path("status").asInt()).as(tif).isEqualTo(2);
            assertThat(row.path("time_in_force").asText()).isEqualTo(tif);
        }
        for (String tif : List.of("IOC", "FOK")) {
            assertThat(row(calls.post("/order", order("BUY", "LIMIT", "0.001", "1000", ",\"time_in_force\":\"" + tif + "\""), trader))
                    .path("status").asInt()).as(tif + " with nothing to take").isEqualTo(6);
        }
        JsonNode stop = row(calls.post("/order", order("SELL", "LIMIT", "0.01", "900", ",\"txType\":\"STOP\",\"stopPrice\":\"950\""), trader));
        assertThat(stop.path("status").asInt()).as("trigger inserted").isEqualTo(9);
        JsonNode trigger = row(calls.post("/order", order("SELL", "MARKET", "0.01", "0", ",\"txType\":\"TRIGGER\",\"triggerPrice\":\"940\""), trader));
        assertThat(trigger.path("status").asInt()).isEqualTo(9);
        assertThat(trigger.path("orderType").asInt()).isEqualTo(77);
        JsonNode oco = calls.post("/order", order("SELL", "OCO", "0.01", "90000", ",\"triggerPrice\":\"930\""), trader).body();
        assertThat(oco).hasSize(2);
        assertThat(oco.get(1).path("status").asInt()).isEqualTo(9);
        JsonNode peg = row(calls.post("/order", order("BUY", "PEG", "0.001", "0", ",\"deviation\":-5"), trader));
        assertThat(peg.path("orderType").asInt()).isEqualTo(80);
        assertThat(peg.path("price").decimalValue()).as("the mid price moved by -5%").isLessThan(new BigDecimal("90000"));
        JsonNode open = calls.get("/user/open_orders?symbol=BTC-USD", trader).body();
        assertThat(open).extracting(o -> o.path("orderState").asText()).contains("STATUS_ACTIVE", "STATUS_INACTIVE");

        JsonNode marketBuy = row(calls.post("/order", "{\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"MARKET\",\"price\":\"450\"}", trader));
        assertThat(marketBuy.path("status").asInt()).as("a market buy by quote amount, its price the most to spend").isEqualTo(4);
        assertThat(marketBuy.path("fillSize").decimalValue()).as("450 USD at the OCO's 90000").isEqualByComparingTo("0.005");

        JsonNode all = calls.delete("/order?symbol=BTC-USD", trader).body();
        assertThat(all).allSatisfy(r -> assertThat(r.path("status").asInt()).isEqualTo(6));
        assertThat(calls.get("/user/open_orders?symbol=BTC-USD", trader).body()).isEmpty();
    }

    @Test
    void feesAreListedPerMarket() {
        ApiKeys.ApiKey trader = sim.createAccount(Map.of());
        JsonNode fees = calls.get("/user/fees?symbol=ETH-BTC", trader).body();
        assertThat(fees).singleElement().satisfies(f -> {
            assertThat(f.path("symbol").asText()).isEqualTo("ETH-BTC");
            assertThat(f.has("makerFee")).isTrue();
            assertThat(f.has("takerFee")).isTrue();
        });
    }

    private int status(String json, ApiKeys.ApiKey key) {
        return row(calls.post("/order", json, key)).path("status").asInt();
    }

    private JsonNode row(BtseCalls.Answer answer) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        assertThat(answer.body().isArray()).as("%s", answer.body()).isTrue();
        return answer.body().get(0);
    }

    static String order(String side, String type, String size, String price, String extra) {
        return "{\"symbol\":\"BTC-USD\",\"side\":\"" + side + "\",\"type\":\"" + type + "\",\"size\":\"" + size
                + "\",\"price\":\"" + price + "\"" + extra + "}";
    }
}
