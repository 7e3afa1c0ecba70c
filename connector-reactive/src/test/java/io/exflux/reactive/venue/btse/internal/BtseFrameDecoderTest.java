package io.exflux.reactive.venue.btse.internal;

import static io.exflux.reactive.venue.btse.internal.BtseWsFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.reactive.venue.btse.model.BtseWsAck;
import io.exflux.reactive.venue.btse.model.BtseWsBook;
import io.exflux.reactive.venue.btse.model.BtseWsError;
import io.exflux.reactive.venue.btse.model.BtseWsFill;
import io.exflux.reactive.venue.btse.model.BtseWsL1;
import io.exflux.reactive.venue.btse.model.BtseWsLogin;
import io.exflux.reactive.venue.btse.model.BtseWsMessage;
import io.exflux.reactive.venue.btse.model.BtseWsOrder;
import io.exflux.reactive.venue.btse.model.BtseWsTrade;
import io.exflux.reactive.venue.btse.model.BtseWsUnknown;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every BTSE websocket frame of the documents decoded into the right record; the streaming path against a tree. */
class BtseFrameDecoderTest {

    private final BtseFrameDecoder decoder = new BtseFrameDecoder();
    /** A plain Jackson mapper: the independent reading the streaming decoder is compared with. */
    private final ObjectMapper tree = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private BtseWsMessage only(String frame) {
        List<BtseWsMessage> messages = decoder.decodeAll(frame);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    @Test
    void orderBookSnapshotOfTheDocument() {
        BtseWsBook book = (BtseWsBook) only(frame("oss-snapshot.json"));
        assertThat(book.topic()).isEqualTo("update:BTC-USD_0");
        assertThat(book.symbol()).isEqualTo("BTC-USD");
        assertThat(book.type()).isEqualTo(BtseWsBook.Type.SNAPSHOT);
        assertThat(book.seqNum()).isEqualTo(628282);
        assertThat(book.prevSeqNum()).isEqualTo(628281);
        assertThat(book.timestamp()).isEqualTo(Instant.ofEpochMilli(1565135165600L));
        assertThat(book.bids()).containsExactly(PriceLevel.of("59252.5", "0.06865"));
        assertThat(book.asks()).containsExactly(PriceLevel.of("59292.0", "0.50000"));
    }

    @Test
    void orderBookDeltaOfTheDocumentKeepsItsDigitsExactly() {
        BtseWsBook book = (BtseWsBook) only(frame("oss-delta.json"));
        assertThat(book.topic()).isEqualTo("update:BTC-USD");
        assertThat(book.type()).isEqualTo(BtseWsBook.Type.DELTA);
        assertThat(book.seqNum()).isEqualTo(628283);
        assertThat(book.prevSeqNum()).isEqualTo(628282);
        assertThat(book.bids()).isEmpty();
        assertThat(book.asks()).containsExactly(PriceLevel.of("59367.5", "2.15622"), PriceLevel.of("59325.5", "0"));
        assertThat(book.asks().get(0).amount().scale()).isEqualTo(5);
        // the book engine's scaled longs, straight from the packed digits
        assertThat(book.scaledPrice(false, 0, 2)).isEqualTo(5_936_750L);
        assertThat(book.scaledSize(false, 0, 8)).isEqualTo(215_622_000L);
        assertThat(book.scaledSize(false, 1, 8)).isZero();
        assertThatThrownBy(() -> book.scaledSize(false, 0, 4)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void snapshotL1OfTheDocument() {
        BtseWsL1 l1 = (BtseWsL1) only(frame("snapshot-l1.json"));
        assertThat(l1.topic()).isEqualTo("snapshotL1:BTC-USD");
        assertThat(l1.symbol()).isEqualTo("BTC-USD");
        assertThat(l1.bids()).containsExactly(PriceLevel.of("28016.7", "1.48063"));
        assertThat(l1.asks()).containsExactly(PriceLevel.of("28033.6", "1.34133"));
        assertThat(l1.timestamp()).isEqualTo(Instant.ofEpochMilli(1680750154232L));
    }

    @Test
    void tradeHistoryOfTheDocumentReadsNumbersFromTheirText() {
        BtseWsTrade trade = (BtseWsTrade) only(frame("trade-history.json"));
        assertThat(trade).isEqualTo(new BtseWsTrade("BTC-USD", "SELL", new BigDecimal("5302.8"),
                new BigDecimal("0.007"), 118974855L, Instant.ofEpochMilli(1584446020295L)));
        assertThat(trade.takerSide()).isEqualTo(Side.SELL);
    }

    @Test
    void aTradeFrameCarriesSeveralTrades() {
        List<BtseWsMessage> trades = decoder.decodeAll("{\"topic\":\"tradeHistoryApi:ETH-USDT\",\"data\":["
                + "{\"symbol\":\"ETH-USDT\",\"side\":\"BUY\",\"size\":\"1.5\",\"price\":\"2000.25\",\"tradeId\":7,"
                + "\"timestamp\":1700000000000},{\"symbol\":\"ETH-USDT\",\"side\":\"sell\",\"size\":2,\"price\":1999,"
                + "\"tradeId\":\"8\",\"timestamp\":\"1700000000001\"}]}");
        assertThat(trades).extracting(m -> ((BtseWsTrade) m).tradeId()).containsExactly(7L, 8L);
        assertThat(((BtseWsTrade) trades.get(1)).takerSide()).isEqualTo(Side.SELL);
        assertThat(((BtseWsTrade) trades.get(1)).price()).isEqualByComparingTo("1999");
    }

    @Test
    void orderNotificationAsAnObject() {
        BtseWsOrder order = (BtseWsOrder) only(frame("notification-v2.json"));
        assertThat(order.orderId()).isEqualTo("7d1a0d9e-1b3c-4d8e-9f51-0c7e0a9d3b11");
        assertThat(order.symbol()).isEqualTo("BTC-USD");
        assertThat(order.orderSide()).isEqualTo(Side.BUY);
        assertThat(order.type()).isEqualTo("76");
        assertThat(order.price()).isEqualByComparingTo("8500");
        assertThat(order.size()).isEqualByComparingTo("0.002");
        assertThat(order.status()).isEqualTo("2");
        assertThat(order.clOrderId()).isEqualTo("my-order-1");
        assertThat(order.maker()).isTrue();
        assertThat(order.timeInForce()).isEqualTo("GTC");
        assertThat(order.txType()).isEqualTo("LIMIT");
        assertThat(order.remainingSize()).isEqualByComparingTo("0.002");
        assertThat(order.timestamp()).isEqualTo(Instant.ofEpochMilli(1624985375123L));
    }

    @Test
    void orderNotificationAsTheOlderArrayWithItsSpellings() {
        BtseWsOrder order = (BtseWsOrder) only(frame("notification-v2-before-2023-08.json"));
        assertThat(order.orderId()).isEqualTo("7d1a0d9e-1b3c-4d8e-9f51-0c7e0a9d3b11");
        assertThat(order.avgFillPrice()).isEqualByComparingTo("8499.5");
        assertThat(order.fillSize()).isEqualByComparingTo("0.001");
        assertThat(order.status()).isEqualTo("5");
        assertThat(order.stealth()).isNull();
    }

    @Test
    void fillsAsNumbersAndAsStringsReadTheSame() {
        BtseWsFill numbers = (BtseWsFill) only(frame("fills.json"));
        BtseWsFill strings = (BtseWsFill) only(frame("fills-strings.json"));
        assertThat(numbers.price()).isEqualByComparingTo("8499.5");
        assertThat(numbers.size()).isEqualByComparingTo("0.001");
        assertThat(numbers.feeAmount()).isEqualByComparingTo("0.0085");
        assertThat(numbers.timestamp()).isEqualTo(Instant.ofEpochMilli(1624985375999L));
        assertThat(numbers.orderSide()).isEqualTo(Side.BUY);
        assertThat(numbers.maker()).isFalse();
        assertThat(strings).isEqualTo(numbers);
    }

    @Test
    void errorFrameOfTheDocumentAndItsOlderShape() {
        BtseWsError error = (BtseWsError) only(frame("oss-error.json"));
        assertThat(error).isEqualTo(new BtseWsError("ERROR", "update:BTCC-USD_0", 1000, null,
                "Market pair provided is currently not supported."));
        BtseWsError older = (BtseWsError) only(frame("oss-error-before-2023-06.json"));
        assertThat(older).isEqualTo(new BtseWsError("ERROR", "update:BTCC-USD_0", -1, "MARKET_PAIR_NOT_SUPPORT",
                null));
        BtseWsError noArg = (BtseWsError) only("{\"severity\":\"ERROR\",\"errors\":[{\"error\":{\"code\":1001,"
                + "\"message\":\"Operation not supported\"}}]}");
        assertThat(noArg.arg()).isNull();
        assertThat(noArg.code()).isEqualTo(BtseWsError.OPERATION_NOT_SUPPORTED);
    }

    @Test
    void acksAndTheLoginAnswer() {
        assertThat(only(frame("subscribe-ack.json")))
                .isEqualTo(new BtseWsAck("subscribe", List.of("tradeHistoryApi:BTC-USD")));
        assertThat(only(frame("login-answer.json"))).isEqualTo(new BtseWsLogin(true));
        assertThat(only("{\"event\":\"login\",\"success\":false}")).isEqualTo(new BtseWsLogin(false));
    }

    @Test
    void unknownTopicsAndShapesAreKeptNotDropped() {
        assertThat(only("{\"topic\":\"orderBookL2Api:BTC-USD_0\",\"data\":{\"buyQuote\":[]}}"))
                .isInstanceOf(BtseWsUnknown.class)
                .extracting(m -> ((BtseWsUnknown) m).topic()).isEqualTo("orderBookL2Api:BTC-USD_0");
        assertThat(only("{\"hello\":1}")).isInstanceOf(BtseWsUnknown.class);
    }

    @Test
    void unreadableFramesAreProtocolExceptions() {
        assertThatThrownBy(() -> decoder.decodeAll("not json")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> decoder.decodeAll("{\"topic\":\"update:BTC-USD_0\",\"data\":{\"bids\":[[\"x\",\"1\"]],"
                + "\"type\":\"delta\",\"symbol\":\"BTC-USD\"}}")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("price");
        assertThatThrownBy(() -> decoder.decodeAll("{\"topic\":\"update:BTC-USD_0\",\"data\":{\"bids\":[],"
                + "\"type\":\"other\",\"symbol\":\"BTC-USD\"}}")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> decoder.decodeAll("{\"topic\":\"tradeHistoryApi:BTC-USD\",\"data\":[{\"price\":"
                + "\"1e99999999\",\"size\":1,\"timestamp\":1}]}")).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aTopicAfterItsDataIsReadThroughTheTree() {
        BtseWsBook book = (BtseWsBook) only("{\"data\":{\"symbol\":\"BTC-USD\",\"type\":\"delta\",\"seqNum\":2,"
                + "\"prevSeqNum\":1,\"timestamp\":5,\"bids\":[[\"1.5\",\"2\"]],\"asks\":[]},\"topic\":\"update:BTC-USD_0\"}");
        assertThat(book.bids()).containsExactly(PriceLevel.of("1.5", "2"));
        assertThat(book.seqNum()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- streaming vs tree

    @Test
    void theDocumentsBookAndTradeFramesReadAsATreeReadsThem() throws Exception {
        for (String name : List.of("oss-snapshot.json", "oss-delta.json")) {
            assertSameAsTree(frame(name));
        }
        assertSameAsTree(frame("trade-history.json"));
    }

    @Test
    void aBookRefusesWhatItCannotKeepExactlyWhereATradeKeepsIt() {
        assertThatThrownBy(() -> decoder.decodeAll("{\"topic\":\"update:BTC-USD_0\",\"data\":{\"bids\":"
                + "[[\"12345678901234567890.5\",\"1\"]],\"type\":\"delta\",\"symbol\":\"BTC-USD\"}}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("more digits");
        BtseWsTrade trade = (BtseWsTrade) only("{\"topic\":\"tradeHistoryApi:BTC-USD\",\"data\":[{\"price\":"
                + "\"12345678901234567890.5\",\"size\":1,\"timestamp\":1}]}");
        assertThat(trade.price()).isEqualTo(new BigDecimal("12345678901234567890.5"));
    }

    /**
     * Decoded books and trades against their twins built from {@code BigDecimal}s and levels: equal both ways, same
     * hash and text, every level with its scale and every scaled value, whether the values fit the compact form or
     * not (9 or 12 digits, the compact limits, a negative value).
     */
    @Test
    void decodedBooksAndTradesEqualTheirBuiltTwins_compactOrWide() {
        for (String size : List.of("0.12000", "1.23456789", "33554431", "-33554432", "0.123456789012")) {
            String frame = "{\"topic\":\"update:BTC-USD\",\"data\":{\"bids\":[[\"59250.0\",\"" + size + "\"]],"
                    + "\"asks\":[[\"59367.5\",\"2.15622\"],[\"59325.5\",\"0\"]],\"seqNum\":628283,"
                    + "\"prevSeqNum\":628282,\"type\":\"delta\",\"timestamp\":1565135165600,\"symbol\":\"BTC-USD\"}}";
            BtseWsBook decoded = (BtseWsBook) only(frame);
            BtseWsBook built = BtseWsBook.of("update:BTC-USD", "BTC-USD", BtseWsBook.Type.DELTA, 628283, 628282,
                    Instant.ofEpochMilli(1565135165600L), List.of(PriceLevel.of("59250.0", size)),
                    List.of(PriceLevel.of("59367.5", "2.15622"), PriceLevel.of("59325.5", "0")));
            assertThat(decoded).as(size).isEqualTo(built);
            assertThat(built).isEqualTo(decoded);
            assertThat(decoded.hashCode()).isEqualTo(built.hashCode());
            assertThat(decoded).hasToString(built.toString());
            assertThat(decoded.bids()).containsExactly(new PriceLevel(new BigDecimal("59250.0"), new BigDecimal(size)));
            assertThat(decoded.bids().get(0).amount().scale()).isEqualTo(new BigDecimal(size).scale());
            assertThat(decoded.asks()).isEqualTo(built.asks());
            assertThat(List.of(decoded.bidCount(), decoded.askCount(), decoded.timestamp()))
                    .isEqualTo(List.of(1, 2, Instant.ofEpochMilli(1565135165600L)));
            assertThat(decoded.scaledPrice(true, 0, 3)).isEqualTo(59_250_000L);
            assertThat(decoded.scaledPrice(false, 1, 1)).isEqualTo(593_255L);
            if (new BigDecimal(size).scale() <= 8) {
                assertThat(decoded.scaledSize(true, 0, 8))
                        .isEqualTo(new BigDecimal(size).movePointRight(8).longValueExact());
            } else {
                assertThatThrownBy(() -> decoded.scaledSize(true, 0, 8)).isInstanceOf(ArithmeticException.class);
            }
        }
        for (String price : List.of("36000.5", "\"12345678901234567890.5\"")) {
            String frame = "{\"topic\":\"tradeHistoryApi:BTC-USD\",\"data\":[{\"symbol\":\"BTC-USD\",\"side\":"
                    + "\"SELL\",\"size\":0.010,\"price\":" + price + ",\"tradeId\":118974855,"
                    + "\"timestamp\":1584446020295}]}";
            BtseWsTrade decoded = (BtseWsTrade) only(frame);
            BtseWsTrade built = new BtseWsTrade("BTC-USD", "SELL", new BigDecimal(price.replace("\"", "")),
                    new BigDecimal("0.010"), 118974855L, Instant.ofEpochMilli(1584446020295L));
            assertThat(decoded).isEqualTo(built);
            assertThat(built).isEqualTo(decoded);
            assertThat(decoded.hashCode()).isEqualTo(built.hashCode());
            assertThat(decoded).hasToString(built.toString());
            assertThat(List.of(decoded.symbol(), decoded.side(), decoded.price(), decoded.size(), decoded.tradeId(),
                    decoded.timestamp())).isEqualTo(List.of(built.symbol(), built.side(), built.price(), built.size(),
                    built.tradeId(), built.timestamp()));
            assertThat(decoded.size().scale()).isEqualTo(3);
        }
        Instant precise = Instant.parse("2026-11-30T00:00:00.123456789Z");
        assertThat(new BtseWsTrade("X", null, BigDecimal.ONE, BigDecimal.TEN, 1, precise).timestamp())
                .isEqualTo(precise);
    }

    @Test
    void twoThousandGeneratedFramesReadAsATreeReadsThem() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            assertSameAsTree(random.nextBoolean() ? bookFrame(random) : tradeFrame(random, random.nextInt(10) == 0));
        }
    }

    private void assertSameAsTree(String frame) throws Exception {
        JsonNode root = tree.readTree(frame);
        String topic = root.get("topic").asText();
        JsonNode data = root.get("data");
        List<BtseWsMessage> decoded = decoder.decodeAll(frame);
        if (topic.startsWith("update:")) {
            BtseWsBook book = (BtseWsBook) decoded.get(0);
            assertThat(book.symbol()).isEqualTo(data.get("symbol").asText());
            assertThat(book.seqNum()).isEqualTo(data.get("seqNum").asLong());
            assertThat(book.prevSeqNum()).isEqualTo(data.get("prevSeqNum").asLong());
            assertThat(book.timestampMillis()).isEqualTo(data.get("timestamp").asLong());
            assertThat(book.type().name()).isEqualToIgnoringCase(data.get("type").asText());
            assertSameLevels(book.bids(), treeLevels(data.get("bids")));
            assertSameLevels(book.asks(), treeLevels(data.get("asks")));
        } else {
            assertThat(decoded).hasSize(data.size());
            for (int i = 0; i < data.size(); i++) {
                JsonNode node = data.get(i);
                BtseWsTrade trade = (BtseWsTrade) decoded.get(i);
                assertThat(trade.symbol()).isEqualTo(node.get("symbol").asText());
                assertThat(trade.side()).isEqualTo(node.get("side").asText());
                assertThat(trade.price()).isEqualByComparingTo(decimal(node.get("price")));
                assertThat(trade.size()).isEqualByComparingTo(decimal(node.get("size")));
                assertThat(trade.tradeId()).isEqualTo(node.get("tradeId").asLong());
                assertThat(trade.timestamp().toEpochMilli()).isEqualTo(node.get("timestamp").asLong());
            }
        }
    }

    private static List<PriceLevel> treeLevels(JsonNode levels) {
        List<PriceLevel> list = new ArrayList<>();
        levels.forEach(level -> list.add(new PriceLevel(decimal(level.get(0)), decimal(level.get(1)))));
        return list;
    }

    /** A JSON number as the tree holds it, or a string's text: the same value, whatever the spelling. */
    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
    }

    /** Same prices and sizes in the same order, equal as values (9.4e4 is 94000). */
    private static void assertSameLevels(List<PriceLevel> decoded, List<PriceLevel> expected) {
        assertThat(decoded).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(decoded.get(i).price()).isEqualByComparingTo(expected.get(i).price());
            assertThat(decoded.get(i).amount()).isEqualByComparingTo(expected.get(i).amount());
        }
    }

    private static String bookFrame(Random random) {
        String symbol = random.nextBoolean() ? "BTC-USD" : "ETH-USDT";
        StringBuilder data = new StringBuilder("{");
        List<String> fields = new ArrayList<>(List.of(
                "\"bids\":" + levels(random), "\"asks\":" + levels(random),
                "\"seqNum\":" + (1000 + random.nextInt(1000)), "\"prevSeqNum\":" + random.nextInt(1000),
                "\"type\":\"" + (random.nextBoolean() ? "delta" : "snapshot") + "\"",
                "\"timestamp\":" + (1_565_135_165_600L + random.nextInt(1_000_000)),
                "\"symbol\":\"" + symbol + "\"", "\"extra\":{\"nested\":[1,2,{\"a\":null}]}"));
        java.util.Collections.shuffle(fields, random);
        data.append(String.join(",", fields)).append('}');
        String topic = random.nextBoolean() ? "update:" + symbol + "_0" : "update:" + symbol;
        return "{\"topic\":\"" + topic + "\",\"data\":" + data + "}";
    }

    private static String levels(Random random) {
        List<String> levels = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            levels.add("[" + number(random, true) + "," + number(random, false) + "]");
        }
        return "[" + String.join(",", levels) + "]";
    }

    /** A positive price or a size (possibly zero), as a string or a JSON number, with odd but valid spellings. */
    private static String number(Random random, boolean price) {
        String text = switch (random.nextInt(6)) {
            case 0 -> Integer.toString(random.nextInt(100_000) + (price ? 1 : 0));
            case 1 -> (random.nextInt(100_000) + (price ? 1 : 0)) + "." + random.nextInt(100_000);
            case 2 -> "0.000" + (random.nextInt(9_999) + 1) + "00";
            case 3 -> (random.nextInt(9) + 1) + "." + random.nextInt(10) + "e" + random.nextInt(5);
            case 4 -> "1234567890123." + random.nextInt(100);
            default -> price ? "1.5" : "0";
        };
        return random.nextBoolean() ? "\"" + text + "\"" : text;
    }

    /** Trades, with 22-digit numbers when {@code huge} (a trade keeps them as BigDecimal, a book refuses them). */
    private static String tradeFrame(Random random, boolean huge) {
        List<String> trades = new ArrayList<>();
        for (int i = random.nextInt(4) + 1; i > 0; i--) {
            List<String> fields = new ArrayList<>(List.of("\"symbol\":\"BTC-USD\"",
                    "\"side\":\"" + (random.nextBoolean() ? "BUY" : "SELL") + "\"",
                    "\"size\":" + (huge ? "\"12345678901234567890.5\"" : number(random, true)),
                    "\"price\":" + number(random, true),
                    "\"tradeId\":" + random.nextInt(Integer.MAX_VALUE),
                    "\"timestamp\":" + (1_584_446_020_295L + random.nextInt(1000)), "\"unknown\":[true,null]"));
            java.util.Collections.shuffle(fields, random);
            trades.add("{" + String.join(",", fields) + "}");
        }
        return "{\"topic\":\"tradeHistoryApi:BTC-USD\",\"data\":[" + String.join(",", trades) + "]}";
    }

    /**
     * The streaming parser is fed whole frames and reused: a frame cut anywhere fails as unreadable (or, cut after
     * its object, reads whole), delivers nothing of itself, and leaves the next frame to be read whole.
     */
    @Test
    void framesCutShortDeliverNothingAndSpoilNoNextFrame() {
        String trades = "{\"topic\":\"tradeHistoryApi:BTC-USD\",\"data\":[{\"symbol\":\"BTC-USD\",\"side\":\"SELL\","
                + "\"size\":0.01,\"price\":36000.5,\"tradeId\":1,\"timestamp\":1584446020295,\"x\":[1,{}]},"
                + "{\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"size\":\"0.02\",\"price\":\"36000.0\",\"tradeId\":2,"
                + "\"timestamp\":1584446020296}]}";
        String delta = "{\"topic\":\"update:BTC-USD\",\"data\":{\"bids\":[[\"59250.0\",\"0.12000\",[\"x\"]]],"
                + "\"asks\":[[\"59367.5\",\"2.15622\"]],\"seqNum\":2,\"prevSeqNum\":1,\"type\":\"delta\","
                + "\"timestamp\":1565135165600,\"symbol\":\"BTC-USD\"}}";
        for (String whole : List.of(trades, delta)) {
            List<BtseWsMessage> expected = decoder.decodeAll(whole);
            assertThat(expected).isNotEmpty();
            for (int cut = 1; cut < whole.length(); cut++) {
                String frame = whole.substring(0, cut);
                List<BtseWsMessage> delivered = new ArrayList<>();
                assertThatThrownBy(() -> decoder.decode(frame, delivered::add)).as(frame)
                        .isInstanceOf(ProtocolException.class);
                assertThat(delivered).as(frame).isEmpty();
                assertThat(decoder.decodeAll(whole)).as("after " + frame).isEqualTo(expected);
            }
        }
    }
}
