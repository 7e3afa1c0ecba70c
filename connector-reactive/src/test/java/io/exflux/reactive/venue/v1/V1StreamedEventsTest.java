package io.exflux.reactive.venue.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exflux.api.error.ExchangeException;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.engineio.EngineIoDialect;
import io.exflux.reactive.internal.engineio.EngineIoOptions;
import io.exflux.reactive.internal.engineio.Framing;
import io.exflux.reactive.internal.ws.FrameSink;
import io.exflux.reactive.venue.v1.internal.V1Codec;
import io.exflux.reactive.venue.v1.internal.V1Events;
import io.exflux.reactive.venue.v1.model.V1BookEvent;
import io.exflux.reactive.venue.v1.model.V1Side;
import io.exflux.reactive.venue.v1.model.V1Trade;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The documents' socket events through the streaming path (the events read without a tree), on both socket
 * flavours: the same records as the tree reading of {@link V1DocExamplesTest}, routed to their channel; a book
 * event that does not read is one malformed frame and the next frame still reads.
 */
class V1StreamedEventsTest {

    private static final Set<String> TWO_BOOKS = Set.of("book_BTC_USD", "book_ETH_BTC");

    /** What a dialect delivered: channel and record, or "malformed". */
    private static final class Sink implements FrameSink<V1BookEvent> {
        final List<Object> delivered = new ArrayList<>();
        final Set<String> topics;

        Sink(Set<String> topics) {
            this.topics = topics;
        }

        @Override
        public void next(V1BookEvent message, String topic) {
            delivered.add(List.of(topic, message));
        }

        @Override
        public void next(V1BookEvent message, String topic, String alsoTopic) {
            next(message, topic);
            next(message, alsoTopic);
        }

        @Override
        public void control(V1BookEvent message) {
            delivered.add(List.of("control", message));
        }

        @Override
        public Set<String> liveTopics() {
            return topics;
        }

        @Override
        public void acknowledged(List<String> acknowledged) {
        }

        @Override
        public void refused(String topic, Function<List<String>, ? extends ExchangeException> error) {
        }

        @Override
        public void authenticationRefused(ExchangeException error) {
        }

        @Override
        public void malformed(String reason, Throwable cause) {
            delivered.add("malformed");
        }
    }

    private static EngineIoDialect<V1BookEvent> dialect(V1Dialect venue, Framing framing) {
        return new EngineIoDialect<>(EngineIoOptions.builder().framing(framing).build(), V1Events.router(),
                new V1Events(venue.venue()));
    }

    private static List<Object> decode(EngineIoDialect<V1BookEvent> dialect, Set<String> topics, String... frames) {
        Sink sink = new Sink(topics);
        for (String frame : frames) {
            dialect.decode(frame, sink);
        }
        return sink.delivered;
    }

    /**
     * The frames as a socket hands them over, UTF-8 bytes never made a {@code String}: in a heap buffer with bytes
     * before and after the frame (read in place), else in a direct buffer (copied once).
     */
    private static List<Object> decodeBytes(EngineIoDialect<V1BookEvent> dialect, boolean heap, Set<String> topics,
                                            String... frames) {
        Sink sink = new Sink(topics);
        for (String frame : frames) {
            byte[] utf8 = frame.getBytes(StandardCharsets.UTF_8);
            byte[] around = new byte[utf8.length + 5];
            System.arraycopy(utf8, 0, around, 3, utf8.length);
            ByteBuf buffer = heap ? Unpooled.wrappedBuffer(around, 3, utf8.length)
                    : Unpooled.directBuffer(utf8.length).writeBytes(utf8);
            try {
                assertThat(dialect.readsAsText(buffer)).as(frame).isFalse();
                dialect.decode(buffer, sink);
                assertThat(buffer.readerIndex()).isZero();
            } finally {
                buffer.release();
            }
        }
        return sink.delivered;
    }

    /** The hot reader itself on the example, so that a silent fall-back to the tree cannot pass for it. */
    private static V1BookEvent streamed(V1Dialect venue, String json) throws IOException {
        try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            return new V1Events(venue.venue()).read(null, parser);
        }
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void theDocumentsNewOrderAndCancelReadAsTheTreeReadsThem(V1Dialect venue) throws IOException {
        for (String example : List.of("ws-new-order", "ws-cancel")) {
            String raw = V1Examples.raw(venue, example);
            V1BookEvent tree = V1Codec.bookEvent(V1Examples.tree(venue, example));
            assertThat(streamed(venue, raw)).as(example).isEqualTo(tree);
            assertThat(decode(dialect(venue, Framing.SOCKET_IO), TWO_BOOKS, "42[\"book_ETH_BTC\"," + raw + "]"))
                    .as(example).containsExactly(List.of("book_ETH_BTC", tree));
            assertThat(decode(dialect(venue, Framing.ENGINE_IO), Set.of("book_BTC_USD"), "4" + raw))
                    .as(example).containsExactly(List.of("book_BTC_USD", tree));
            for (boolean heap : new boolean[] {true, false}) {
                assertThat(decodeBytes(dialect(venue, Framing.SOCKET_IO), heap, TWO_BOOKS,
                        "42[\"book_ETH_BTC\"," + raw + "]")).as(example).containsExactly(List.of("book_ETH_BTC", tree));
                assertThat(decodeBytes(dialect(venue, Framing.ENGINE_IO), heap, Set.of("book_BTC_USD"), "4" + raw))
                        .as(example).containsExactly(List.of("book_BTC_USD", tree));
            }
        }
    }

    /**
     * Only event frames come as bytes: every frame the heartbeat reads (pings, pongs, the server ending the session,
     * however long its error) stays text for it, on both flavours.
     */
    @Test
    void eventFramesComeAsBytes_theHeartbeatsFramesAsText() {
        String longError = "44{\"message\":\"" + "x".repeat(300) + "\"}";
        for (Framing framing : Framing.values()) {
            EngineIoDialect<V1BookEvent> dialect = dialect(V1Dialect.BITEXBIT, framing);
            for (String frame : List.of("2", "3", "1", "41", "40", "44{\"message\":\"no\"}", longError, "43[]",
                    "0{\"sid\":\"a\",\"pingInterval\":25000,\"pingTimeout\":20000}")) {
                ByteBuf buffer = Unpooled.wrappedBuffer(frame.getBytes(StandardCharsets.UTF_8));
                assertThat(dialect.readsAsText(buffer)).as("%s %s", framing, frame).isTrue();
            }
            String event = framing == Framing.SOCKET_IO ? "42[\"book_BTC_USD\",{}]" : "4{}";
            assertThat(dialect.readsAsText(Unpooled.wrappedBuffer(event.getBytes(StandardCharsets.UTF_8))))
                    .as(event).isFalse();
        }
    }

    /**
     * Events whose payload the hot path declines (a JSON string, several arguments) or that are not JSON read from
     * their bytes as the tree reads their text.
     */
    @Test
    void framesTheHotPathLeavesToTheTreeReadTheSameFromTheirBytes() {
        String payload = "{\"date\":1485686413,\"oid\":1,\"type\":\"buy\",\"price\":\"1.5\",\"amount\":2,"
                + "\"pair\":\"BTC_USD\"}";
        EngineIoDialect<V1BookEvent> dialect = dialect(V1Dialect.BITEXBIT, Framing.SOCKET_IO);
        for (String frame : List.of("42[\"book_BTC_USD\",\"" + payload.replace("\"", "\\\"") + "\"]",
                "42[\"book_BTC_USD\"," + payload + ",{\"pair\":\"ETH_BTC\"}]", "42[\"book_BTC_USD\",{\"oid\":",
                "42[\"book_BTC_USD\",{\"oid\":1}] x", "42[\"subscribe.success\",{\"channel\":\"book_BTC_USD\"}]")) {
            for (boolean heap : new boolean[] {true, false}) {
                Sink sink = new Sink(TWO_BOOKS);
                byte[] utf8 = frame.getBytes(StandardCharsets.UTF_8);
                ByteBuf buffer = heap ? Unpooled.wrappedBuffer(utf8) : Unpooled.directBuffer().writeBytes(utf8);
                try {
                    dialect.decode(buffer, sink);
                } finally {
                    buffer.release();
                }
                assertThat(sink.delivered).as(frame).isEqualTo(decode(dialect, TWO_BOOKS, frame));
            }
        }
    }

    /**
     * The event keeps its time as seconds and nanos and makes the {@code Instant} on access: every form of time
     * (whole, with nine decimals, as text, ISO-8601, before 1970, after 2262) gives the tree's {@code Instant},
     * equality and text.
     */
    @Test
    void theTimeOfAnEventIsTheTreesWhateverItsForm() throws IOException {
        for (String date : List.of("1485686507", "1485686507.0944622", "1485686507.123456789", "\"1485686507.5\"",
                "\"2017-01-29T10:41:47.0944622Z\"", "0", "0.000000001", "-1.5", "9223372035.999999999",
                "9223372036.5", "31556889864403199", "\"31556889864403199.999999999\"", "1485686507.0")) {
            for (String kind : List.of("\"trades\":[{\"tid\":1,\"type\":\"buy\",\"price\":2,\"amount\":3,\"o_id\":4}]",
                    "\"cancelled\":true")) {
                String raw = "{\"date\":" + date + ",\"oid\":7,\"type\":\"sell\",\"price\":1.5,\"amount\":2,"
                        + kind + "}";
                V1BookEvent tree = V1Codec.bookEvent(Json.mapper().readTree(raw));
                V1BookEvent streamed = streamed(V1Dialect.BTC_ALPHA, raw);
                assertTwins(streamed, tree);
                assertThat(streamed.date()).as(date).isEqualTo(tree.date());
            }
        }
        V1BookEvent.Cancel undated = new V1BookEvent.Cancel(null, null, 1, null, null, BigDecimal.ONE, BigDecimal.TEN,
                "BTC_USD");
        assertThat(List.of(String.valueOf(undated.date()), String.valueOf(undated.type()))).containsExactly("null",
                "null");
        assertThat(undated).isNotEqualTo(new V1BookEvent.Cancel(null, Instant.EPOCH, 1, null, null, BigDecimal.ONE,
                BigDecimal.TEN, "BTC_USD"));
    }

    @Test
    void aCancelGoesToTheChannelOfItsPair_aNewOrderWithoutPairToNoneOfTwo() {
        String cancel = "4{\"success\":true,\"date\":1485686413.5688234,\"oid\":15235,\"type\":\"sell\","
                + "\"price\":935.23,\"amount\":0.0123,\"pair\":\"ETH_BTC\",\"cancelled\":true}";
        String newOrder = "4{\"date\":1485686507.0944622,\"oid\":15234,\"type\":\"sell\",\"price\":935.23,"
                + "\"amount\":0.0,\"trades\":[]}";
        List<Object> delivered = decode(dialect(V1Dialect.BTC_ALPHA, Framing.ENGINE_IO), TWO_BOOKS, cancel, newOrder);
        assertThat(delivered).hasSize(2);
        assertThat(((List<?>) delivered.get(0)).get(0)).isEqualTo("book_ETH_BTC");
        assertThat(((List<?>) delivered.get(1)).get(0)).isEqualTo("control");
    }

    @Test
    void anUnreadableOrAbsurdValueIsOneMalformedFrame_andTheNextFrameReads() {
        String good = "42[\"book_BTC_USD\",{\"date\":1485686413,\"oid\":1,\"type\":\"buy\",\"price\":\"1.5\",\"amount\":2}]";
        List<Object> delivered = decode(dialect(V1Dialect.BITEXBIT, Framing.SOCKET_IO), Set.of("book_BTC_USD"),
                good.replace("\"1.5\"", "\"abc\""), good,
                good.replace("\"1.5\"", "1e99999999"), good,
                good.replace(",\"amount\":2", ",\"amount\":2,\"x\":[5e-999999999]"), good,
                good.substring(0, good.length() - 3), good,
                good.replace("\"oid\":1,", ""), good);
        assertThat(delivered).hasSize(9); // the event without oid is skipped, as the tree skips it
        for (int i = 0; i < 8; i += 2) {
            assertThat(delivered.get(i)).as("frame %d", i).isEqualTo("malformed");
            assertThat(delivered.get(i + 1)).isInstanceOf(List.class);
        }
        assertThat(delivered.get(8)).isInstanceOf(List.class);
    }

    /**
     * The packed events against their twins built from {@code BigDecimal}s: equal, same hash and text, every
     * accessor with its scale, whether the event has no trade, one (kept inline) or two, and whether the values
     * pack or not (20 digits).
     */
    @Test
    void streamedEventsEqualTheirBuiltTwins_packedOrWide_noneOneOrTwoTrades() throws IOException {
        String wide = "12345678901234567890.5";
        for (String price : List.of("935.23", "\"" + wide + "\"")) {
            BigDecimal priceValue = new BigDecimal(price.replace("\"", ""));
            V1Trade first = new V1Trade(14876, V1Side.BUY, new BigDecimal("936.00"), priceValue, 15201);
            V1Trade second = new V1Trade(14877, V1Side.SELL, priceValue, new BigDecimal("0.10"), 15202);
            String firstText = "{\"tid\":14876,\"type\":\"buy\",\"price\":\"936.00\",\"amount\":" + price
                    + ",\"o_id\":15201}";
            String secondText = "{\"tid\":14877,\"type\":\"sell\",\"price\":" + price
                    + ",\"amount\":\"0.10\",\"o_id\":15202}";
            for (List<V1Trade> trades : List.of(List.<V1Trade>of(), List.of(first), List.of(first, second))) {
                String tradesText = trades.isEmpty() ? "[]" : trades.size() == 1 ? "[" + firstText + "]"
                        : "[" + firstText + "," + secondText + "]";
                V1BookEvent streamed = streamed(V1Dialect.BITEXBIT, "{\"success\":true,\"date\":1485686507,"
                        + "\"oid\":15234,\"type\":\"sell\",\"price\":" + price + ",\"amount\":\"0.0\","
                        + "\"pair\":\"BTC_USD\",\"trades\":" + tradesText + "}");
                V1BookEvent.NewOrder built = new V1BookEvent.NewOrder(true, Instant.ofEpochSecond(1485686507), 15234,
                        V1Side.SELL, priceValue, new BigDecimal("0.0"), "BTC_USD", trades);
                assertTwins(streamed, built);
                V1BookEvent.NewOrder order = (V1BookEvent.NewOrder) streamed;
                assertThat(order.price()).isEqualTo(priceValue);
                assertThat(order.amount()).hasToString("0.0");
                assertThat(order.trades()).isEqualTo(trades);
                for (int i = 0; i < trades.size(); i++) {
                    V1Trade trade = order.trades().get(i);
                    assertThat(List.of(trade.tid(), trade.type(), trade.price(), trade.amount(), trade.orderId()))
                            .isEqualTo(List.of(trades.get(i).tid(), trades.get(i).type(), trades.get(i).price(),
                                    trades.get(i).amount(), trades.get(i).orderId()));
                    assertThat(trade.hashCode()).isEqualTo(trades.get(i).hashCode());
                }
                assertTwins(streamed.withPair("ETH_BTC"), built.withPair("ETH_BTC"));
            }
            for (Long cancelId : java.util.Arrays.asList(null, 123_456_789L)) {
                V1BookEvent streamed = streamed(V1Dialect.BITEXBIT, "{\"date\":1485686413,\"oid\":15235,"
                        + "\"type\":\"buy\",\"price\":" + price + ",\"amount\":0.0123,\"pair\":\"BTC_USD\","
                        + (cancelId == null ? "" : "\"cancel_order_id\":" + cancelId + ",") + "\"cancelled\":true}");
                V1BookEvent.Cancel built = new V1BookEvent.Cancel(null, Instant.ofEpochSecond(1485686413), 15235,
                        cancelId, V1Side.BUY, priceValue, new BigDecimal("0.0123"), "BTC_USD");
                assertTwins(streamed, built);
                V1BookEvent.Cancel cancel = (V1BookEvent.Cancel) streamed;
                assertThat(List.of(String.valueOf(cancel.success()), cancel.date(), cancel.oid(),
                        String.valueOf(cancel.cancelOrderId()), cancel.type(), cancel.price(), cancel.amount(),
                        cancel.pair())).isEqualTo(List.of("null", built.date(), 15235L, String.valueOf(cancelId),
                        V1Side.BUY, priceValue, new BigDecimal("0.0123"), "BTC_USD"));
                assertTwins(streamed.withPair("ETH_BTC"), built.withPair("ETH_BTC"));
            }
        }
        assertThat(new V1Trade(1, V1Side.BUY, new BigDecimal("1.0"), BigDecimal.ONE, 2))
                .isNotEqualTo(new V1Trade(1, V1Side.BUY, BigDecimal.ONE, BigDecimal.ONE, 2)); // scale counts, as before
    }

    private static void assertTwins(V1BookEvent decoded, V1BookEvent built) {
        assertThat(decoded).isEqualTo(built);
        assertThat(built).isEqualTo(decoded);
        assertThat(decoded.hashCode()).isEqualTo(built.hashCode());
        assertThat(decoded).hasToString(built.toString());
    }
}
