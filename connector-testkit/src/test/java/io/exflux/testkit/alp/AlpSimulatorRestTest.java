package io.exflux.testkit.alp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.model.OrderBook;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST side of the ALP simulator on loopback, compared with the JSON examples of the ALP v3 document. */
class AlpSimulatorRestTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private AlpSimulator alp;
    private RestCalls rest;

    @BeforeEach
    void start() {
        alp = AlpSimulator.start(AlpSimulatorOptions.builder().generatorEnabled(false).clock(clock).build());
        rest = new RestCalls(alp.restBaseUrl());
    }

    @AfterEach
    void stop() {
        alp.close();
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Set<String> keysOf(String json) {
        return keys(WsTestClient.parse(json));
    }

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    private AlpAccount seller() {
        return alp.createAccount(Map.of("BTC", dec("10"), "USDT", dec("1000")));
    }

    private AlpAccount buyer() {
        return alp.createAccount(Map.of("USDT", dec("1000000")));
    }

    @Test
    void publicEndpointsAnswerInTheDocumentedShapes() {
        alp.generator().step().block(); // a first step fills both books
        AlpAccount a = seller();
        AlpAccount b = buyer();
        String tb = rest.login(b);
        OrderBook book = alp.book("BTC_USDT", 1);
        String buy = "{\"pair\":\"BTC_USDT\",\"order_type\":\"MARKET\",\"order_side\":\"BUY\",\"wallet_type\":\"SPOT\",\"quote_amount\":\"100.00\"}";
        assertThat(rest.signed("POST", "/trading/order", buy, tb, b.apiSecret()).status()).isEqualTo(200);

        assertThat(rest.get("/time").json().get("serverTime").asLong()).isEqualTo(clock.instant().getEpochSecond());
        JsonNode rates = rest.get("/currency-rates").json();
        assertThat(rates.get("USDT").asText()).isEqualTo("1.00000000");
        assertThat(new BigDecimal(rates.get("BTC").asText())).isGreaterThan(dec("1000"));
        assertThat(keys(rest.get("/currencies").json().get(0))).isEqualTo(keysOf("{\"short_name\":\"BTC\",\"sign\":\"BTC\"}"));

        JsonNode pairs = rest.get("/pairs").json();
        assertThat(keys(pairs.get(0))).isEqualTo(keysOf("{\"name\":\"BTC_USDT\",\"currency1\":\"BTC\",\"currency2\":\"USDT\","
                + "\"price_precision\":2,\"amount_precision\":8,\"minimum_order_size\":0.001,"
                + "\"maximum_order_size\":10.0,\"minimum_order_value\":10.0}"));
        assertThat(pairs.get(0).get("name").asText()).isEqualTo("BTC_USDT");
        assertThat(pairs.get(0).get("minimum_order_size").isNumber()).isTrue();
        assertThat(rest.get("/pairs?currency1=ETH").json()).hasSize(1);

        JsonNode ticker = rest.get("/ticker?pair=BTC_USDT").json();
        assertThat(ticker).hasSize(1);
        assertThat(keys(ticker.get(0))).isEqualTo(keysOf("{\"pair\":\"BTC_USDT\",\"last\":45000.0,\"open\":44990.0,"
                + "\"vol\":1000.0,\"buy\":44990.0,\"sell\":45010.0,\"high\":45500.0,\"low\":44500.0,\"diff\":10.0,"
                + "\"diff_percent\":0.02,\"price_precision\":2,\"amount_precision\":8,\"timestamp\":1630862400.0}"));
        assertThat(ticker.get(0).get("last").decimalValue()).isEqualByComparingTo(book.asks().get(0).price());
        assertThat(rest.get("/ticker").json()).hasSize(2);

        JsonNode charts = rest.get("/charts?pair=BTC_USDT&interval=1").json();
        assertThat(keys(charts.get(0))).isEqualTo(keysOf("{\"time\":1630862400,\"open\":45000.0,\"close\":45100.0,"
                + "\"low\":44900.0,\"high\":45200.0,\"volume\":1000.0,\"quoteVolume\":45050000.0,\"tradesCount\":150,"
                + "\"takerBuyBaseVolume\":600.0,\"takerBuyQuoteVolume\":27030000.0}"));
        // our market buy spent up to 100 USDT (rounded down to whole lots); the clock stands still: one candle
        assertThat(charts).hasSize(1);
        assertThat(charts.get(0).get("takerBuyQuoteVolume").decimalValue()).isGreaterThan(dec("99.99"));
        assertThat(charts.get(0).get("time").asLong() % 60).isZero();

        JsonNode trades = rest.get("/trades?pair=BTC_USDT&limit=10").json();
        assertThat(keys(trades.get(0))).isEqualTo(keysOf("{\"id\":1,\"price\":45000.0,\"amount\":2.5,"
                + "\"timestamp\":1630862400.0,\"pair\":\"BTC_USDT\",\"type\":\"buy\"}"));
        assertThat(trades.get(0).get("type").asText()).isEqualTo("buy");
        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void orderbookIsBuyDescendingSellAscendingAtMostTwentyLevels() {
        alp.generator().prepare().block(); // 25 levels a side
        JsonNode book = rest.get("/orderbook?pair=BTC_USDT&limit_buy=50").json();

        assertThat(keys(book)).containsExactly("buy", "sell");
        assertThat(book.get("buy")).hasSize(20);
        assertThat(book.get("sell")).hasSize(20);
        assertThat(keys(book.get("buy").get(0))).containsExactly("amount", "price");
        List<BigDecimal> bids = new ArrayList<>();
        book.get("buy").forEach(level -> bids.add(level.get("price").decimalValue()));
        List<BigDecimal> asks = new ArrayList<>();
        book.get("sell").forEach(level -> asks.add(level.get("price").decimalValue()));
        assertThat(bids).isSortedAccordingTo((x, y) -> y.compareTo(x));
        assertThat(asks).isSorted();
        assertThat(bids.get(0)).isLessThan(asks.get(0));
        OrderBook truth = alp.book("BTC_USDT", 20);
        assertThat(bids.get(0)).isEqualByComparingTo(truth.bids().get(0).price());
        assertThat(book.get("buy").get(0).get("amount").decimalValue()).isEqualByComparingTo(truth.bids().get(0).amount());

        assertThat(rest.get("/orderbook?pair=BTC_USDT&limit_buy=3&limit_sell=5").json().get("sell")).hasSize(5);
        RestCalls.Answer unknown = rest.get("/orderbook?pair=NOPE_USDT");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"code\":\"BAD_REQUEST\",\"message\":\"pair not found\"}");
    }

    @Test
    void authIssuesAnHs256JwtWithExpAndPrivateCallsNeedIt() {
        alp.jwtLifetime(Duration.ofSeconds(30));
        AlpAccount account = seller();
        String token = rest.login(account);

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = WsTestClient.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        JsonNode payload = WsTestClient.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(header.get("alg").asText()).isEqualTo("HS256");
        assertThat(payload.get("exp").asLong()).isEqualTo(clock.instant().getEpochSecond() + 30);

        RestCalls.Answer balances = rest.get("/accounts/balances", token);
        assertThat(balances.status()).isEqualTo(200);
        JsonNode usdt = null;
        for (JsonNode b : balances.json()) {
            assertThat(keys(b)).isEqualTo(keysOf("{\"balance\":1000.0,\"reserve\":500.0,\"currency\":\"USDT\","
                    + "\"wallet_type\":\"SPOT\",\"last_update_at\":\"2023-09-04T12:00:00Z\",\"account_id\":12345}"));
            if (b.get("currency").asText().equals("USDT")) {
                usdt = b;
            }
        }
        assertThat(usdt).isNotNull();
        assertThat(usdt.get("balance").decimalValue()).isEqualByComparingTo("1000");
        assertThat(usdt.get("account_id").asLong()).isEqualTo(account.id());
        assertThat(rest.get("/accounts/accounts", token).json().get(0).get("id").asLong()).isEqualTo(account.id());
        assertThat(keys(rest.get("/accounts/feeinfo", token).json().get(0))).isEqualTo(keysOf(
                "{\"account_id\":12345,\"active_once\":[\"2023-09-04T12:00:00Z\",\"2023-09-05T12:00:00Z\"],"
                        + "\"taker_fee_rate\":0.002,\"maker_fee_rate\":0.0015,\"fee_currency\":\"USD\",\"priority\":1,"
                        + "\"currency\":null,\"pair\":null,\"is_active\":true}"));

        RestCalls.Answer missing = rest.get("/accounts/balances");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(missing.json().get("message").asText()).isNotBlank();
        assertThat(rest.get("/accounts/balances", token + "x").status()).isEqualTo(401);

        clock.advance(Duration.ofSeconds(31));
        RestCalls.Answer expired = rest.get("/accounts/balances", token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(rest.get("/accounts/balances", rest.login(account)).status()).isEqualTo(200);
    }

    @Test
    void authRefusesWrongCredentialsWithTheDocumentedCodes() {
        AlpAccount account = seller();
        RestCalls.Answer wrongSecret = rest.post("/auth", "{\"api_key\":\"" + account.apiKey() + "\",\"api_secret\":\"nope\"}");
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().get("code").asText()).isEqualTo("INVALID_SECRET");
        RestCalls.Answer unknownKey = rest.post("/auth", "{\"api_key\":\"nobody\",\"api_secret\":\"nope\"}");
        assertThat(unknownKey.status()).isEqualTo(401);
        assertThat(unknownKey.json().get("code").asText()).isEqualTo("UNAUTHORIZED");
        RestCalls.Answer incomplete = rest.post("/auth", "{\"api_key\":\"" + account.apiKey() + "\"}");
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.json().get("code").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(account.toString()).doesNotContain(account.apiSecret());
    }

    @Test
    void xSignIsHmacOfTheExactBodyBytesAndABadOneIsForbidden() {
        // the check values of protocols/alp-v3.md §3.2
        assertThat(AlpJwt.hexHmac("SECRET", "{\"order_ids\": [1, 5, 8]}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("4d9f04113f23a101b6e91765b200d78e1c8fd1226bd4247e2ef05c5db52fc85e");
        assertThat(AlpJwt.hexHmac("SECRET", "{\"order_ids\":[1,5,8]}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("4ab034e3aff319ccb6bbb890f6bcb3354f1ae866010f101eab5403f49ca79d26");

        AlpAccount account = seller();
        String token = rest.login(account);
        // Python json.dumps spacing, as the official client sends it
        String body = "{\"pair\": \"BTC_USDT\", \"order_side\": \"ASK\", \"wallet_type\": \"SPOT\", "
                + "\"base_amount\": 0.5, \"limit_price\": 70000, \"order_type\": \"LIMIT\", \"tif\": \"GTC\"}";

        RestCalls.Answer unsigned = rest.signed("POST", "/trading/order", body, token, null);
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.body()).isEqualTo(
                "{\"code\":\"FORBIDDEN\",\"message\":\"Missing signature or insufficient permissions\"}");
        RestCalls.Answer wrong = rest.signed("POST", "/trading/order", body, token, "not-the-secret");
        assertThat(wrong.status()).isEqualTo(403);

        RestCalls.Answer placed = rest.signed("POST", "/trading/order", body, token, account.apiSecret());
        assertThat(placed.status()).isEqualTo(200);
        assertThat(placed.json().isArray()).isTrue();
        assertThat(placed.json()).hasSize(1);
        assertThat(alp.book("BTC_USDT", 5).asks().get(0).price()).isEqualByComparingTo("70000");
    }

    @Test
    void ordersMatchAndShowInOrdersTradesBalancesAndActivity() {
        AlpAccount maker = seller();
        AlpAccount taker = buyer();
        String tm = rest.login(maker);
        String tt = rest.login(taker);
        String sell = "{\"pair\":\"BTC_USDT\",\"order_side\":\"SELL\",\"wallet_type\":\"SPOT\",\"base_amount\":\"1.0\","
                + "\"limit_price\":\"45000.00\",\"order_type\":\"LIMIT\",\"client_order_id\":\"mine-1\"}";
        long sellId = rest.signed("POST", "/trading/order", sell, tm, maker.apiSecret()).json().get(0).asLong();
        String buy = "{\"pair\":\"BTC_USDT\",\"order_side\":\"BUY\",\"wallet_type\":\"SPOT\",\"quote_amount\":\"18000.00\","
                + "\"order_type\":\"MARKET\"}";
        long buyId = rest.signed("POST", "/trading/order", buy, tt, taker.apiSecret()).json().get(0).asLong();

        JsonNode makerOrder = rest.get("/accounts/order", tm).json().get(0);
        assertThat(keys(makerOrder)).isEqualTo(keysOf("{\"id\":123,\"account_id\":456,\"pair\":\"BTC_USDT\",\"amount\":1.5,"
                + "\"price\":45000.0,\"side\":\"BID\",\"status\":\"FILLED\",\"type\":\"LIMIT\",\"wallet_type\":\"SPOT\","
                + "\"amount_canceled\":0.0,\"amount_filled\":1.5,\"date\":\"2023-09-04T12:00:00Z\","
                + "\"open_at\":\"2023-09-04T11:59:00Z\",\"tif\":\"GTC\",\"updated_at\":\"2023-09-04T12:01:00Z\","
                + "\"done_at\":null,\"expire_after\":null,\"stop_price\":null}"));
        assertThat(makerOrder.get("id").asLong()).isEqualTo(sellId);
        assertThat(makerOrder.get("side").asText()).isEqualTo("ASK");
        assertThat(makerOrder.get("status").asText()).isEqualTo("PARTIAL_FILLED");
        assertThat(makerOrder.get("amount_filled").decimalValue()).isEqualByComparingTo("0.4");
        JsonNode takerOrder = rest.get("/accounts/order", tt).json().get(0);
        assertThat(takerOrder.get("id").asLong()).isEqualTo(buyId);
        assertThat(takerOrder.get("status").asText()).isEqualTo("FILLED");
        assertThat(takerOrder.get("type").asText()).isEqualTo("MARKET");
        assertThat(takerOrder.get("side").asText()).isEqualTo("BID");
        assertThat(rest.get("/accounts/order?open_only=true", tt).json()).isEmpty();

        JsonNode trade = rest.get("/accounts/trades?pair=BTC_USDT", tt).json().get(0);
        assertThat(keys(trade)).isEqualTo(keysOf("{\"id\":293107798,\"pair\":\"BTC_USDT\",\"side\":\"BUY\",\"price\":45000.0,"
                + "\"amount\":1.0,\"fee\":0.005,\"timestamp\":1630862400.0,\"order_id\":123456}"));
        assertThat(trade.get("side").asText()).isEqualTo("BUY");
        assertThat(trade.get("order_id").asLong()).isEqualTo(buyId);
        assertThat(trade.get("amount").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(rest.get("/accounts/trades?side=SELL", tm).json().get(0).get("order_id").asLong()).isEqualTo(sellId);

        JsonNode makerBalances = rest.get("/accounts/balances?currency=BTC", tm).json();
        assertThat(makerBalances).hasSize(1);
        assertThat(makerBalances.get(0).get("balance").decimalValue()).isEqualByComparingTo("9.6");
        assertThat(makerBalances.get(0).get("reserve").decimalValue()).isEqualByComparingTo("0.6");
        JsonNode activity = rest.get("/accounts/activity?limit=5", tm).json();
        assertThat(keys(activity.get(0))).isEqualTo(keysOf("{\"balance\":500.0,\"reserve\":0,\"currency\":\"USDT\","
                + "\"wallet_type\":\"SPOT\",\"last_update_at\":\"2023-09-04T12:00:00Z\",\"account_id\":0,\"op_type\":1}"));
        assertThat(alp.trades("BTC_USDT")).hasSize(1);
        assertThat(alp.book("BTC_USDT", 1).asks().get(0).amount()).isEqualByComparingTo("0.6");
    }

    @Test
    void badOrdersGetTheDocumentedErrorBody() {
        AlpAccount account = seller();
        String token = rest.login(account);
        String zero = "{\"pair\":\"BTC_USDT\",\"order_side\":\"BUY\",\"wallet_type\":\"SPOT\",\"base_amount\":\"0\","
                + "\"limit_price\":\"45000.00\",\"order_type\":\"LIMIT\"}";
        RestCalls.Answer answer = rest.signed("POST", "/trading/order", zero, token, account.apiSecret());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"code\":\"1003\",\"message\":\"invalid order amount\"}");

        String tooRich = "{\"pair\":\"BTC_USDT\",\"order_side\":\"BUY\",\"wallet_type\":\"SPOT\",\"base_amount\":\"1\","
                + "\"limit_price\":\"45000.00\",\"order_type\":\"LIMIT\"}";
        RestCalls.Answer poor = rest.signed("POST", "/trading/order", tooRich, token, account.apiSecret());
        assertThat(poor.status()).isEqualTo(400);
        assertThat(poor.json().get("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");

        String unknownPair = tooRich.replace("BTC_USDT", "NOPE_USDT");
        assertThat(rest.signed("POST", "/trading/order", unknownPair, token, account.apiSecret()).body())
                .isEqualTo("{\"code\":\"BAD_REQUEST\",\"message\":\"pair not found\"}");
        String noWallet = tooRich.replace("\"wallet_type\":\"SPOT\",", "");
        assertThat(rest.signed("POST", "/trading/order", noWallet, token, account.apiSecret()).status()).isEqualTo(400);
        assertThat(alp.book("BTC_USDT", 5).bids()).isEmpty();
    }

    @Test
    void cancelByIdsAnswersAMapAndCancelAllOrByPairAnswers202() {
        AlpAccount account = seller();
        String token = rest.login(account);
        List<Long> ids = new ArrayList<>();
        for (String price : List.of("50000", "51000", "52000")) {
            String body = "{\"pair\":\"BTC_USDT\",\"order_side\":\"SELL\",\"wallet_type\":\"SPOT\",\"base_amount\":\"1\","
                    + "\"limit_price\":\"" + price + "\",\"order_type\":\"LIMIT\"}";
            ids.add(rest.signed("POST", "/trading/order", body, token, account.apiSecret()).json().get(0).asLong());
        }

        String byIds = "{\"order_ids\": [" + ids.get(0) + ", 999999]}";
        RestCalls.Answer map = rest.signed("DELETE", "/trading/order", byIds, token, account.apiSecret());
        assertThat(map.status()).isEqualTo(200);
        assertThat(map.json().get(Long.toString(ids.get(0))).asText()).isEqualTo("CANCELLED");
        assertThat(map.json().get("999999").asText()).isEqualTo("order not found");

        RestCalls.Answer byPair = rest.signed("DELETE", "/trading/order", "{\"pair\":\"ETH_USDT\"}", token, account.apiSecret());
        assertThat(byPair.status()).isEqualTo(202);
        assertThat(byPair.body()).isEmpty();
        assertThat(alp.book("BTC_USDT", 5).asks()).hasSize(2);

        RestCalls.Answer all = rest.signed("DELETE", "/trading/order", "{\"all\":true}", token, account.apiSecret());
        assertThat(all.status()).isEqualTo(202);
        assertThat(all.body()).isEmpty();
        assertThat(alp.book("BTC_USDT", 5).asks()).isEmpty();
        JsonNode orders = rest.get("/accounts/order", token).json();
        Iterator<JsonNode> it = orders.elements();
        while (it.hasNext()) {
            assertThat(it.next().get("status").asText()).isEqualTo("CANCELLED");
        }

        RestCalls.Answer two = rest.signed("DELETE", "/trading/order", "{\"all\":true,\"pair\":\"BTC_USDT\"}", token,
                account.apiSecret());
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.json().get("code").asText()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() {
        alp.requestsPerSecond(3);
        int limited = 0;
        RestCalls.Answer last = null;
        for (int i = 0; i < 10; i++) {
            RestCalls.Answer answer = rest.get("/time");
            if (answer.status() == 429) {
                limited++;
                last = answer;
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(4);
        assertThat(last.headers().get("Retry-After")).isEqualTo("1");
        assertThat(last.json().get("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
    }

    @Test
    void injectedFaultsReplaceTheNextAnswersThenTheVenueRecovers() {
        alp.faults().tooManyRequests(1).serverErrors(2, 503);

        assertThat(rest.get("/time").status()).isEqualTo(429);
        assertThat(rest.get("/time").status()).isEqualTo(503);
        assertThat(rest.get("/pairs").status()).isEqualTo(503);
        assertThat(rest.get("/time").status()).isEqualTo(200);

        alp.faults().resetNext(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rest.get("/time")).isInstanceOf(AssertionError.class);
        assertThat(rest.get("/time").status()).isEqualTo(200);
    }

    @Test
    void stopOrdersWaitAsPendingAndPostOnlyThatWouldTakeIsRefused() {
        AlpAccount maker = seller();
        AlpAccount trader = buyer();
        String tm = rest.login(maker);
        String tt = rest.login(trader);
        String sell = "{\"pair\":\"BTC_USDT\",\"order_side\":\"SELL\",\"wallet_type\":\"SPOT\",\"base_amount\":\"1\","
                + "\"limit_price\":\"45000.00\",\"order_type\":\"LIMIT\"}";
        rest.signed("POST", "/trading/order", sell, tm, maker.apiSecret());

        String stop = "{\"pair\":\"BTC_USDT\",\"order_side\":\"BUY\",\"wallet_type\":\"SPOT\",\"base_amount\":\"1.0\","
                + "\"limit_price\":\"46000.00\",\"stop_price\":\"45500.00\",\"stop_operator\":\"GTE\","
                + "\"order_type\":\"STOP_LIMIT\"}";
        assertThat(rest.signed("POST", "/trading/order", stop, tt, trader.apiSecret()).status()).isEqualTo(200);
        JsonNode pending = rest.get("/accounts/order", tt).json().get(0);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("type").asText()).isEqualTo("STOP_LIMIT");
        assertThat(pending.get("stop_price").decimalValue()).isEqualByComparingTo("45500");
        assertThat(alp.trades()).isEmpty();

        String postOnly = "{\"pair\":\"BTC_USDT\",\"order_side\":\"BID\",\"wallet_type\":\"SPOT\",\"base_amount\":\"0.1\","
                + "\"limit_price\":\"45000.00\",\"order_type\":\"LIMIT\",\"post_only\":true}";
        RestCalls.Answer refused = rest.signed("POST", "/trading/order", postOnly, tt, trader.apiSecret());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(alp.trades()).isEmpty();
    }
}
