package io.exflux.testkit.alp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.sim.MarketSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator answers as the ALP v3 document says where it used to answer like the live venue or not at
 * all: one test per finding of the simulator review (open_only spellings, request size and retained state,
 * the error table's status codes, websocket frame size and keepalive, order details), the documented
 * websocket error frame, and a candle history for long charts.
 */
class AlpSimulatorDocumentTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final List<WsTestClient> clients = new ArrayList<>();
    private AlpSimulator alp;
    private RestCalls rest;

    private void start(AlpSimulatorOptions.Builder options) {
        alp = AlpSimulator.start(options.generatorEnabled(false).clock(clock).build());
        rest = new RestCalls(alp.restBaseUrl());
    }

    @AfterEach
    void stop() {
        clients.forEach(WsTestClient::close);
        if (alp != null) {
            alp.close();
        }
    }

    private AlpAccount funded() {
        return alp.createAccount(Map.of("BTC", new BigDecimal("10"), "USDT", new BigDecimal("1000000")));
    }

    private long place(AlpAccount account, String token, String body) {
        RestCalls.Answer answer = rest.signed("POST", "/trading/order", body, token, account.apiSecret());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get(0).asLong();
    }

    private static String limit(String side, String amount, String price, String extra) {
        return "{\"pair\":\"BTC_USDT\",\"order_side\":\"" + side + "\",\"wallet_type\":\"SPOT\",\"base_amount\":\""
                + amount + "\",\"limit_price\":\"" + price + "\",\"order_type\":\"LIMIT\"" + extra + "}";
    }

    private WsTestClient connect() {
        WsTestClient client = new WsTestClient(alp.websocketUrl());
        clients.add(client);
        client.awaitType("welcome", WAIT);
        return client;
    }

    @Test
    void openOnlyAcceptsTrueAndOne() {
        start(AlpSimulatorOptions.builder());
        AlpAccount account = funded();
        String token = rest.login(account);
        long open = place(account, token, limit("SELL", "1", "45000", ""));
        long cancelled = place(account, token, limit("SELL", "1", "46000", ""));
        rest.signed("DELETE", "/trading/order", "{\"order_ids\":[" + cancelled + "]}", token, account.apiSecret());

        for (String spelling : List.of("true", "1", "TRUE")) {
            JsonNode orders = rest.get("/accounts/order?open_only=" + spelling, token).json();
            assertThat(orders).as(spelling).hasSize(1);
            assertThat(orders.get(0).get("id").asLong()).isEqualTo(open);
        }
        assertThat(rest.get("/accounts/order?open_only=0", token).json()).hasSize(2);
        assertThat(rest.get("/accounts/order?open_only=maybe", token).status()).isEqualTo(400);
    }

    @Test
    void bodiesOverTheLimitAre413AndWhatIsKeptIsBounded() {
        start(AlpSimulatorOptions.builder());
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMegabytes, (byte) ' ');
        for (int i = 0; i < 5; i++) {
            RestCalls.Answer answer = rest.send("POST", "/auth", Map.of("Content-Type", "application/json"),
                    tenMegabytes);
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        }
        FakeVenueServer server = alp.server();
        assertThat(server.requests("POST", "/api/v3/auth")).hasSize(5).allSatisfy(r -> assertThat(r.bodyLength()).isZero());
        assertThat(server.recordedBodyBytes()).isZero();
        assertThat(server.maxRequestBody()).isEqualTo(1024 * 1024);

        // accepted bodies are kept, but never more than the record limits allow
        server.recordLimits(3, 100);
        for (int i = 0; i < 5; i++) {
            assertThat(rest.post("/auth", "{\"api_key\":\"k" + i + "\",\"api_secret\":\"s\"}").status()).isEqualTo(401);
        }
        assertThat(server.requests()).hasSizeLessThanOrEqualTo(3);
        assertThat(server.recordedBodyBytes()).isLessThanOrEqualTo(100);
        assertThat(server.requests().get(server.requests().size() - 1).bodyAsString()).contains("\"k4\"");
    }

    @Test
    void statusCodesFollowTheDocumentsErrorTable() {
        start(AlpSimulatorOptions.builder());
        String token = rest.login(funded());

        RestCalls.Answer anonymous = rest.get("/nope");
        assertThat(anonymous.status()).isEqualTo(404);
        assertThat(anonymous.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(rest.get("/nope", token).status()).isEqualTo(404);

        RestCalls.Answer wrongMethod = rest.send("DELETE", "/time", Map.of(), (String) null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(wrongMethod.headers().get("Allow")).isEqualTo("GET");
        assertThat(rest.send("GET", "/trading/order", Map.of("Authorization", "Bearer " + token), (String) null)
                .status()).isEqualTo(405);

        RestCalls.Answer xml = rest.send("GET", "/time", Map.of("Accept", "application/xml"), (String) null);
        assertThat(xml.status()).isEqualTo(406);
        assertThat(xml.json().get("code").asText()).isEqualTo("NOT_ACCEPTABLE");
        assertThat(rest.send("GET", "/time", Map.of("Accept", "application/json;q=0.9, */*;q=0.1"), (String) null)
                .status()).isEqualTo(200);

        RestCalls.Answer unknownKey = rest.post("/auth", "{\"api_key\":\"nobody\",\"api_secret\":\"nope\"}");
        assertThat(unknownKey.status()).isEqualTo(401);
        alp.close();

        start(AlpSimulatorOptions.builder().unknownKeyAsNotFound(true));
        RestCalls.Answer live = rest.post("/auth", "{\"api_key\":\"nobody\",\"api_secret\":\"nope\"}");
        assertThat(live.status()).isEqualTo(404);
        assertThat(live.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void fiftyTopicsInOneFrameAndATextOneIsAnsweredTwo() {
        List<MarketSpec> markets = new ArrayList<>();
        for (String base : List.of("BTC", "ETH", "LTC", "XRP", "DOGE", "TRX", "ADA", "SOL", "DOT", "ZEC")) {
            markets.add(MarketSpec.of(base, "USDT", 2, 8, "0.001", "1000", "10"));
        }
        start(AlpSimulatorOptions.builder().markets(markets).maxTopics(50));
        WsTestClient client = connect();
        StringBuilder frame = new StringBuilder("[\"subscribe\"");
        List<String> topics = new ArrayList<>();
        for (String channel : List.of("ticker", "trade", "rates", "diff", "market_depth")) {
            for (MarketSpec market : markets) {
                topics.add(channel + "." + market.base() + "_USDT");
            }
        }
        assertThat(topics).hasSize(50);
        topics.forEach(t -> frame.append(",\"").append(t).append('"'));
        String subscribe = frame.append(']').toString();
        assertThat(subscribe.length()).isGreaterThan(800);
        client.send(subscribe);
        JsonNode ack = client.awaitType("subscribe", WAIT);
        assertThat(ack).hasSize(2 + 50);
        assertThat(ack.get(51).asText()).isEqualTo("market_depth.ZEC_USDT");

        client.send("1");
        assertThat(client.await("2"::equals, WAIT)).isEqualTo("2");
        assertThat(client.isClosed()).isFalse();

        StringBuilder big = new StringBuilder("[\"subscribe\"");
        while (big.length() < 64 * 1024 + 10) {
            big.append(",\"trade.BTC_USDT\"");
        }
        client.send(big.append(']').toString());
        assertThat(client.awaitClosed(WAIT)).isTrue();
    }

    @Test
    void refusedTopicsGetTheDocumentedErrorFrameAndTheLiveOneOnRequest() {
        start(AlpSimulatorOptions.builder());
        WsTestClient documented = connect();
        documented.send("[\"subscribe\",\"diff.NOPE_USDT\"]");
        JsonNode error = documented.awaitType("error", WAIT);
        assertThat(error).hasSize(3);
        assertThat(error.get(2).asText()).isEqualTo("Topic does not exist");
        alp.close();

        start(AlpSimulatorOptions.builder().liveErrorFrames(true));
        WsTestClient live = connect();
        live.send("[\"subscribe\",\"diff.NOPE_USDT\"]");
        JsonNode liveError = live.awaitType("error", WAIT);
        assertThat(liveError).hasSize(4);
        assertThat(liveError.get(2).asText()).isEqualTo("Invalid topic: diff.NOPE_USDT");
        assertThat(liveError.get(3).asText()).isEqualTo("subscribe");
    }

    /** Two funded accounts, logged in, and a resting sell of 1 BTC at 45000 by the first. */
    private String[] makerAndTaker(AlpAccount maker, AlpAccount taker) {
        String tm = rest.login(maker);
        String tt = rest.login(taker);
        place(maker, tm, limit("SELL", "1", "45000", ""));
        return new String[] {tm, tt};
    }

    @Test
    void aonOrdersAreReportedAsAonNotFok() {
        start(AlpSimulatorOptions.builder());
        AlpAccount taker = funded();
        String tt = makerAndTaker(funded(), taker)[1];
        long aon = place(taker, tt, limit("BUY", "0.5", "45000", ",\"tif\":\"AON\""));
        JsonNode aonOrder = order(tt, aon);
        assertThat(aonOrder.get("tif").asText()).isEqualTo("AON");
        assertThat(aonOrder.get("status").asText()).isEqualTo("FILLED");
        long fok = place(taker, tt, limit("BUY", "0.1", "45000", ",\"tif\":\"FOK\""));
        assertThat(order(tt, fok).get("tif").asText()).isEqualTo("FOK");
    }

    @Test
    void aRefusedCrossMarginOrderLeavesNoWalletRow() {
        start(AlpSimulatorOptions.builder());
        AlpAccount account = funded();
        String token = rest.login(account);
        String margin = limit("BUY", "1", "45000", "").replace("\"SPOT\"", "\"CROSS_MARGIN\"");
        RestCalls.Answer refused = rest.signed("POST", "/trading/order", margin, token, account.apiSecret());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        JsonNode balances = rest.get("/accounts/balances", token).json();
        assertThat(balances).hasSize(2)
                .allSatisfy(b -> assertThat(b.get("wallet_type").asText()).isEqualTo("SPOT"));
    }

    @Test
    void aStopCancelledBeforeItTriggersWasNeverOpen() {
        start(AlpSimulatorOptions.builder());
        AlpAccount account = funded();
        String token = rest.login(account);
        String stop = "{\"pair\":\"BTC_USDT\",\"order_side\":\"BUY\",\"wallet_type\":\"SPOT\",\"base_amount\":\"0.1\","
                + "\"limit_price\":\"50000\",\"stop_price\":\"49000\",\"stop_operator\":\"GTE\",\"order_type\":\"STOP_LIMIT\"}";
        long stopId = place(account, token, stop);
        rest.signed("DELETE", "/trading/order", "{\"order_ids\":[" + stopId + "]}", token, account.apiSecret());
        JsonNode cancelled = order(token, stopId);
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("open_at").isNull()).isTrue();
        assertThat(cancelled.get("stop_price").decimalValue()).isEqualByComparingTo("49000");
    }

    @Test
    void privateOrderAndTradeListsRefuseAnUnknownPairAsThePublicOnesDo() {
        start(AlpSimulatorOptions.builder());
        String token = rest.login(funded());
        assertThat(rest.get("/trades?pair=NOPE_USDT").status()).isEqualTo(400);
        for (String path : List.of("/accounts/order?pair=NOPE_USDT", "/accounts/trades?pair=NOPE_USDT")) {
            RestCalls.Answer unknown = rest.get(path, token);
            assertThat(unknown.status()).as(path).isEqualTo(400);
            assertThat(unknown.body()).isEqualTo("{\"code\":\"BAD_REQUEST\",\"message\":\"pair not found\"}");
            assertThat(rest.get(path.replace("NOPE_USDT", "BTC_USDT"), token).status()).isEqualTo(200);
        }
    }

    private JsonNode order(String token, long id) {
        for (JsonNode order : rest.get("/accounts/order", token).json()) {
            if (order.get("id").asLong() == id) {
                return order;
            }
        }
        return null;
    }

    @Test
    void candleHistoryAnswersAFullSeriesOverNinetyDaysInCappedPages() {
        start(AlpSimulatorOptions.builder().candleHistory(Duration.ofDays(90)));
        long now = clock.instant().getEpochSecond();
        long since = now - Duration.ofDays(90).toSeconds();
        List<Long> times = new ArrayList<>();
        long from = since;
        while (true) {
            // pages of at most 500 (the document's cap), walking forward in windows of 500 hours
            long until = Math.min(now, from + 499 * 3600L);
            JsonNode page = rest.get("/charts?pair=BTC_USDT&interval=60&since=" + from + "&until=" + until).json();
            assertThat(page.size()).isLessThanOrEqualTo(500);
            page.forEach(c -> times.add(c.get("time").asLong()));
            if (until >= now) {
                break;
            }
            from = until + 1;
        }
        assertThat(times).hasSize(90 * 24).doesNotHaveDuplicates().isSorted();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isEqualTo(3600);
        }
        // 90 days from 10:00 touch 91 calendar days: the first and the last are partial
        JsonNode daily = rest.get("/charts?pair=BTC_USDT&interval=1D").json();
        assertThat(daily).hasSize(91);
        JsonNode last = daily.get(daily.size() - 1);
        assertThat(last.get("close").decimalValue()).isEqualByComparingTo("65000");
        assertThat(last.get("low").decimalValue()).isLessThanOrEqualTo(last.get("high").decimalValue());
        assertThat(rest.get("/charts?pair=BTC_USDT&interval=1").json()).hasSize(500);

        String before = rest.get("/charts?pair=ETH_USDT&interval=240").body();
        alp.close();
        start(AlpSimulatorOptions.builder().candleHistory(Duration.ofDays(90)));
        assertThat(rest.get("/charts?pair=ETH_USDT&interval=240").body()).isEqualTo(before);
    }
}
