package io.exflux.testkit.btse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PriceLevel;
import io.exflux.testkit.alp.WsTestClient;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.v1.JsonShape;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both websocket hosts at the wire: snapshot then deltas in one sequence chain, the faults, L1, errors, keepalive, trades, login and private topics. */
class BtseSimulatorWebsocketTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private BtseSimulator sim;
    private BtseCalls calls;
    private ApiKeys.ApiKey maker;

    @BeforeEach
    void start() {
        sim = BtseSimulator.start(BtseSimulatorOptions.builder().generatorEnabled(false).unthrottled()
                .maxTopics(3).build());
        calls = new BtseCalls(sim);
        maker = sim.createAccount(Map.of("BTC", new BigDecimal("10"), "USD", new BigDecimal("1000000")));
        place(maker, "SELL", "0.5", "70000");
        place(maker, "BUY", "0.4", "60000");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aBookIsASnapshotThenDeltasInOneChainThatGapsCrossingsAndResubscriptionsKeep() {
        try (WsTestClient ws = new WsTestClient(sim.orderBookWebsocketUrl())) {
            ws.send("{\"op\":\"subscribe\",\"args\":[\"update:BTC-USD_0\"]}");
            assertThat(ws.await(f -> f.contains("\"event\""), WAIT)).isEqualTo("{\"event\":\"subscribe\",\"channel\":[\"update:BTC-USD_0\"]}");
            JsonNode snapshot = frame(ws, "\"snapshot\"");
            assertThat(JsonShape.differences(BtseSimulatorDocumentTest.json("spot-03-oss-snapshot-frame.json"), snapshot)).isEmpty();
            Book book = new Book(snapshot);
            assertThat(book.equalsVenue(sim.book("BTC-USD", 50))).isTrue();

            place(maker, "SELL", "0.1", "69000");
            place(maker, "BUY", "0.3", "60000");
            JsonNode delta = frame(ws, "\"delta\"");
            assertThat(JsonShape.differences(BtseSimulatorDocumentTest.json("spot-04-oss-delta-frame.json"), delta)).isEmpty();
            assertThat(delta.path("topic").asText()).as("as the document's example: without the grouping").isEqualTo("update:BTC-USD");
            assertThat(delta.path("data").path("prevSeqNum").asLong()).isEqualTo(book.seq);
            book.apply(delta);
            awaitBook(ws, book);

            sim.forceSequenceGap("BTC-USD");
            JsonNode gap = frame(ws, "\"delta\"");
            assertThat(gap.path("data").path("prevSeqNum").asLong()).as("a skipped number").isNotEqualTo(book.seq);

            sim.forceCrossedBook("BTC-USD");
            JsonNode crossing = frame(ws, "\"delta\"");
            book.seq = crossing.path("data").path("prevSeqNum").asLong();
            book.apply(crossing);
            assertThat(book.crossed()).isTrue();

            ws.send("{\"op\":\"unsubscribe\",\"args\":[\"update:BTC-USD_0\"]}");
            ws.send("{\"op\":\"subscribe\",\"args\":[\"update:BTC-USD_0\"]}");
            JsonNode again = frame(ws, "\"snapshot\"");
            assertThat(again.path("data").path("seqNum").asLong()).as("the chain goes on").isGreaterThanOrEqualTo(crossing.path("data").path("seqNum").asLong());
            Book clean = new Book(again);
            assertThat(clean.crossed()).isFalse();
            assertThat(clean.equalsVenue(sim.book("BTC-USD", 50))).isTrue();
        }
    }

    @Test
    void snapshotL1ErrorsTopicLimitAndPing() {
        try (WsTestClient ws = new WsTestClient(sim.orderBookWebsocketUrl())) {
            ws.send("{\"op\":\"subscribe\",\"args\":[\"snapshotL1:BTC-USD\"]}");
            JsonNode l1 = frame(ws, "\"snapshotL1\"");
            assertThat(JsonShape.differences(BtseSimulatorDocumentTest.json("spot-05-snapshot-l1-frame.json"), l1)).isEmpty();
            assertThat(l1.path("data").path("asks").get(0).get(0).asText()).isEqualTo("70000");

            ws.send("{\"op\":\"subscribe\",\"args\":[\"update:BTCC-USD_0\"]}");
            JsonNode unsupported = frame(ws, "\"severity\"");
            assertThat(JsonShape.differences(BtseSimulatorDocumentTest.json("spot-06-oss-error-frame.json"), unsupported)).isEmpty();
            assertThat(errorCode(unsupported)).isEqualTo(1000);
            ws.send("not json");
            assertThat(errorCode(frame(ws, "\"severity\""))).isEqualTo(1002);
            ws.send("{\"op\":\"dance\",\"args\":[]}");
            assertThat(errorCode(frame(ws, "\"severity\""))).isEqualTo(1001);
            ws.send("{\"op\":\"subscribe\",\"args\":[\"orderBook:BTC-USD_0\"]}");
            assertThat(errorCode(frame(ws, "\"severity\""))).isEqualTo(1005);
            ws.send("{\"op\":\"subscribe\",\"args\":[\"update:ETH-USD_0\",\"update:ETH-BTC_0\",\"update:BTC-USD_1\"]}");
            JsonNode full = frame(ws, "\"severity\"");
            assertThat(errorCode(full)).isEqualTo(1002);
            assertThat(full.path("errors").get(0).path("arg").asText()).isEqualTo("update:BTC-USD_1");
            assertThat(ws.await(f -> f.contains("\"event\""), WAIT)).as("the third topic is one too many")
                    .isEqualTo("{\"event\":\"subscribe\",\"channel\":[\"update:ETH-USD_0\",\"update:ETH-BTC_0\"]}");

            ws.send("ping");
            assertThat(ws.await("pong"::equals, WAIT)).isEqualTo("pong");
        }
    }

    @Test
    void aSocketThatSendsNothingIsDroppedOneThatPingsStays() throws InterruptedException {
        sim.close();
        sim = BtseSimulator.start(BtseSimulatorOptions.builder().generatorEnabled(false).idleTimeout(Duration.ofMillis(600)).build());
        try (WsTestClient quiet = new WsTestClient(sim.websocketUrl());
             WsTestClient pinging = new WsTestClient(sim.websocketUrl())) {
            for (int i = 0; i < 8; i++) {
                pinging.send("ping");
                Thread.sleep(150);
            }
            assertThat(quiet.awaitClosed(WAIT)).isTrue();
            assertThat(pinging.isClosed()).isFalse();
        }
    }

    @Test
    void theMainHostServesTradesLoginNotificationsAndFills() {
        ApiKeys.ApiKey taker = sim.createAccount(Map.of("USD", new BigDecimal("100000")));
        try (WsTestClient anonymous = new WsTestClient(sim.websocketUrl());
             WsTestClient ws = new WsTestClient(sim.websocketUrl())) {
            anonymous.send("{\"op\":\"subscribe\",\"args\":[\"notificationApiV2\",\"update:BTC-USD_0\"]}");
            assertThat(anonymous.await(f -> f.contains("\"event\""), WAIT))
                    .as("acknowledged, the book topic left out").isEqualTo("{\"event\":\"subscribe\",\"channel\":[\"notificationApiV2\"]}");
            ws.send("{\"op\":\"subscribe\",\"args\":[\"tradeHistoryApi:BTC-USD\"]}");
            assertThat(JsonShape.differences(BtseSimulatorDocumentTest.json("spot-08-subscribe-ack-frame.json"),
                    BtseCalls.json(ws.await(f -> f.contains("\"event\""), WAIT)))).isEmpty();
            String nonce = "1700000000000";
            ws.send("{\"op\":\"authKeyExpires\",\"args\":[\"" + taker.key() + "\",\"" + nonce + "\",\""
                    + BtseSignature.sign(taker.secret(), BtseSignature.WS_LOGIN_PATH, nonce, "") + "\"]}");
            assertThat(ws.await(f -> f.contains("\"login\""), WAIT)).contains("\"success\":true");
            ws.send("{\"op\":\"subscribe\",\"args\":[\"notificationApiV2\",\"fills\"]}");
            ws.await(f -> f.contains("\"fills\"") && f.contains("\"event\""), WAIT);

            JsonNode placed = calls.post("/order", BtseSimulatorOrdersTest.order("BUY", "LIMIT", "0.2", "70000", ",\"clOrderID\":\"t-1\""),
                    taker).body().get(0);
            JsonNode trade = frame(ws, "\"tradeHistoryApi:BTC-USD\"");
            assertThat(JsonShape.differences(BtseSimulatorDocumentTest.json("spot-07-trade-history-frame.json"), trade)).isEmpty();
            assertThat(trade.path("data").get(0).path("side").asText()).isEqualTo("BUY");
            JsonNode fill = frame(ws, "\"topic\":\"fills\"");
            assertThat(fill.path("data").get(0).path("orderId").asText()).isEqualTo(placed.path("orderID").asText());
            assertThat(fill.path("data").get(0).path("clOrderId").asText()).isEqualTo("t-1");
            assertThat(fill.path("data").get(0).path("size").decimalValue()).isEqualByComparingTo("0.2");
            JsonNode notification = frame(ws, "\"topic\":\"notificationApiV2\"");
            assertThat(notification.path("data").isObject()).isTrue();
            assertThat(notification.path("data").path("orderID").asText()).isEqualTo(placed.path("orderID").asText());
            assertThat(notification.path("data").path("status").asInt()).isEqualTo(4);
            assertThat(anonymous.received()).as("no private frames before a login").noneMatch(f -> f.contains("\"topic\""));
        }
    }

    // ---------------------------------------------------------------- helpers

    private void place(ApiKeys.ApiKey key, String side, String size, String price) {
        assertThat(calls.post("/order", BtseSimulatorOrdersTest.order(side, "LIMIT", size, price, ""), key).status()).isEqualTo(200);
    }

    private static JsonNode frame(WsTestClient ws, String marker) {
        return BtseCalls.json(ws.await(f -> f.contains(marker), WAIT));
    }

    private static int errorCode(JsonNode frame) {
        return frame.path("errors").get(0).path("error").path("code").asInt();
    }

    /** Applies deltas until the client's book equals the venue's (deltas of one change may come in two frames). */
    private void awaitBook(WsTestClient ws, Book book) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!book.equalsVenue(sim.book("BTC-USD", 50))) {
            assertThat(System.nanoTime()).as("the book never matched").isLessThan(end);
            book.apply(frame(ws, "\"delta\""));
        }
    }

    /** A client's book: the snapshot, then every delta applied by price; {@code "0"} removes a level. */
    private static final class Book {
        final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        long seq;

        Book(JsonNode snapshot) {
            apply(snapshot);
        }

        void apply(JsonNode frame) {
            JsonNode data = frame.path("data");
            data.path("bids").forEach(l -> put(bids, l));
            data.path("asks").forEach(l -> put(asks, l));
            seq = data.path("seqNum").asLong();
        }

        private static void put(TreeMap<BigDecimal, BigDecimal> side, JsonNode level) {
            BigDecimal price = new BigDecimal(level.get(0).asText());
            BigDecimal size = new BigDecimal(level.get(1).asText());
            if (size.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, size);
            }
        }

        boolean crossed() {
            return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey().compareTo(asks.firstKey()) >= 0;
        }

        boolean equalsVenue(OrderBook venue) {
            return same(bids, venue.bids()) && same(asks, venue.asks());
        }

        private static boolean same(TreeMap<BigDecimal, BigDecimal> mine, List<PriceLevel> theirs) {
            if (mine.size() != theirs.size()) {
                return false;
            }
            int i = 0;
            for (Map.Entry<BigDecimal, BigDecimal> e : mine.entrySet()) {
                PriceLevel l = theirs.get(i++);
                if (e.getKey().compareTo(l.price()) != 0 || e.getValue().compareTo(l.amount()) != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
