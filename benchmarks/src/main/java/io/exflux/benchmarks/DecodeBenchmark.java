package io.exflux.benchmarks;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectReader;
import io.exflux.benchmarks.baseline.AlpTreeDecoder;
import io.exflux.benchmarks.baseline.V1TreeDecoder;
import io.exflux.reactive.internal.engineio.EngineIoDialect;
import io.exflux.reactive.internal.engineio.EngineIoOptions;
import io.exflux.reactive.internal.engineio.Framing;
import io.exflux.reactive.venue.v1.internal.V1Events;
import io.exflux.reactive.venue.v1.model.V1BookEvent;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.venue.alp.internal.AlpFrameDecoder;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.btse.internal.BtseFrameDecoder;
import io.exflux.reactive.venue.btse.model.BtseWsBook;
import io.exflux.reactive.venue.btse.model.BtseWsMessage;
import io.exflux.reactive.venue.btse.model.BtseWsTrade;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding one venue message into its record. ALP's market-data frames ({@code t}, a one-level {@code d} a side,
 * a 20-level {@code p}, a one-row {@code tk}) through exflux's streaming {@link AlpFrameDecoder} ({@code alpXxx})
 * and through the {@code readTree}-then-extract baseline it replaced ({@code treeXxx}, {@link AlpTreeDecoder}),
 * on the same text. The v1 socket's book events (bitexbit's socket.io new order with one trade, BTC-Alpha's bare
 * engine.io cancel) through the engine.io dialect's hot path ({@code v1Xxx}) and through the tree reading it
 * replaced ({@code v1TreeXxx}, {@link V1TreeDecoder}), each routed to its channel. BTSE's order-book delta and
 * trade through exflux's {@link BtseFrameDecoder} ({@code btseXxxFrame}). Also a BTSE order-book delta and an ALP
 * trade into records by {@link Json#mapper()} databind.
 * Run with {@code -prof gc} for the bytes allocated per frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {

    /** A BTSE OSS book message. */
    public record BtseBookMessage(String topic, Data data) {
        /** Its payload; levels are {@code [price, size]}. */
        public record Data(List<List<BigDecimal>> bids, List<List<BigDecimal>> asks, long seqNum, long prevSeqNum,
                           String type, long timestamp, String symbol) {
        }
    }

    /** An ALP trade frame {@code ["t", ts, id, pair, amount, price, direction]}. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"kind", "timestamp", "id", "pair", "amount", "price", "direction"})
    public record AlpTrade(String kind, long timestamp, long id, String pair, BigDecimal amount, BigDecimal price,
                           String direction) {
    }

    private final byte[] btseDelta = ("{\"topic\":\"update:BTC-USD\",\"data\":{\"bids\":[[\"59250.0\",\"0.12000\"]],"
            + "\"asks\":[[\"59367.5\",\"2.15622\"],[\"59325.5\",\"0\"]],\"seqNum\":628283,\"prevSeqNum\":628282,"
            + "\"type\":\"delta\",\"timestamp\":1565135165600,\"symbol\":\"BTC-USD\"}}")
            .getBytes(StandardCharsets.UTF_8);
    private final byte[] alpTrade = "[\"t\",1694003848,293107798,\"BTC_USDT\",\"0.20285052\",\"25705.02000000\",\"buy\"]"
            .getBytes(StandardCharsets.UTF_8);
    private final String tradeText = "[\"t\",1694003848,293107798,\"BTC_USDT\",\"0.20285052\",\"25705.02000000\",\"buy\"]";
    private final String diffText = "[\"d\",1694004500,\"BTC_USDT\",[[[\"101.00\",\"5.0\"]],[[\"99.00\",\"-2.0\"]]]]";
    private final String depthText = depth20();
    private final String tickerText = "[\"tk\",1694003337,[\"BTC_USDT\",\"25725.53000000\",\"6074.90520117\","
            + "\"156489295.23543299\",\"0.09369121\",\"25889.00000000\",\"25629.43000000\",\"25717.69000000\","
            + "\"25747.69000000\"]]";
    private final String v1NewOrderText = "42[\"book_BTC_USD\",{\"success\":true,\"date\":1485686507.0944622,"
            + "\"oid\":15234,\"type\":\"sell\",\"price\":935.23,\"amount\":0.0,\"pair\":\"BTC_USD\",\"trades\":"
            + "[{\"tid\":14876,\"type\":\"buy\",\"price\":\"936.00\",\"amount\":\"0.1\",\"o_id\":15201}]}]";
    private final String v1CancelText = "4{\"success\":true,\"date\":1485686413.5688234,\"oid\":15235,\"type\":\"sell\","
            + "\"price\":935.23,\"amount\":0.0123,\"pair\":\"BTC_USD\",\"cancelled\":true}";
    private final EngineIoOptions socketIo = EngineIoOptions.builder().framing(Framing.SOCKET_IO).build();
    private final EngineIoOptions bare = EngineIoOptions.builder().framing(Framing.ENGINE_IO).build();
    private final EngineIoDialect<V1BookEvent> v1SocketIo = new EngineIoDialect<>(socketIo, V1Events.router(),
            new V1Events("bitexbit"));
    private final EngineIoDialect<V1BookEvent> v1Bare = new EngineIoDialect<>(bare, V1Events.router(),
            new V1Events("btc-alpha"));
    private final V1TreeDecoder v1TreeSocketIo = new V1TreeDecoder(socketIo, "bitexbit");
    private final V1TreeDecoder v1TreeBare = new V1TreeDecoder(bare, "btc-alpha");
    private final RecordingSink<V1BookEvent> v1Sink = new RecordingSink<>(Set.of("book_BTC_USD"), false);
    /** The same frames as a socket hands them over: UTF-8 bytes in a heap buffer, read in place. */
    private final ByteBuf v1NewOrderBytes = bytes(v1NewOrderText);
    private final ByteBuf v1CancelBytes = bytes(v1CancelText);
    /** Frames of a live stream, each event's time, ids and values its own (as bytes, and as text for the tree). */
    private static final int LIVE_FRAMES = 4096;
    private final String[] v1LiveNewOrderTexts = new String[LIVE_FRAMES];
    private final String[] v1LiveCancelTexts = new String[LIVE_FRAMES];
    private final ByteBuf[] v1LiveNewOrders = new ByteBuf[LIVE_FRAMES];
    private final ByteBuf[] v1LiveCancels = new ByteBuf[LIVE_FRAMES];
    private int v1Live;

    {
        V1FrameGenerator live = new V1FrameGenerator(20261130L);
        for (int i = 0; i < LIVE_FRAMES; i++) {
            v1LiveNewOrderTexts[i] = live.live(false);
            v1LiveCancelTexts[i] = live.live(true);
            v1LiveNewOrders[i] = bytes(v1LiveNewOrderTexts[i]);
            v1LiveCancels[i] = bytes(v1LiveCancelTexts[i]);
        }
    }
    private final String btseDeltaText = new String(btseDelta, StandardCharsets.UTF_8);
    private final String btseTradeText = "{\"topic\":\"tradeHistoryApi:BTC-USD\",\"data\":[{\"symbol\":\"BTC-USD\","
            + "\"side\":\"SELL\",\"size\":0.01,\"price\":36000.5,\"tradeId\":118974855,\"timestamp\":1584446020295}]}";
    private final BtseFrameDecoder btseDecoder = new BtseFrameDecoder();
    private BtseWsMessage btseLast;
    private final java.util.function.Consumer<BtseWsMessage> btseOut = message -> btseLast = message;
    private final ObjectReader btseReader = Json.mapper().readerFor(BtseBookMessage.class);
    private final ObjectReader alpReader = Json.mapper().readerFor(AlpTrade.class);

    /**
     * Fails the run when a v1 or BTSE route measured here stops giving what it must: the streaming v1 events equal
     * the tree route's (every accessor), and the BTSE delta and trade hold the frame's values, scales included.
     */
    @Setup(Level.Trial)
    public void check() throws IOException {
        require(v1NewOrder().equals(v1TreeNewOrder()) && v1NewOrder().toString().equals(v1TreeNewOrder().toString()),
                "v1 new order differs from the tree route");
        require(v1Cancel().equals(v1TreeCancel()) && v1Cancel().toString().equals(v1TreeCancel().toString()),
                "v1 cancel differs from the tree route");
        require(v1NewOrderFromBytes().equals(v1TreeNewOrder()) && v1CancelFromBytes().equals(v1TreeCancel()),
                "v1 event from bytes differs from the tree route");
        for (int i = 0; i < LIVE_FRAMES; i++) {
            v1Live = i;
            V1BookEvent order = v1NewOrderLive();
            v1Live = i;
            V1BookEvent orderTree = v1TreeNewOrderLive();
            v1Live = i;
            V1BookEvent cancel = v1CancelLive();
            v1Live = i;
            V1BookEvent cancelTree = v1TreeCancelLive();
            require(order instanceof V1BookEvent.NewOrder && order.equals(orderTree)
                    && order.toString().equals(orderTree.toString()), "v1 live new order differs from the tree");
            require(cancel instanceof V1BookEvent.Cancel && cancel.equals(cancelTree)
                    && cancel.toString().equals(cancelTree.toString()), "v1 live cancel differs from the tree");
        }
        v1Live = 0;
        V1BookEvent.NewOrder order = (V1BookEvent.NewOrder) v1NewOrder();
        require(order.trades().size() == 1 && order.trades().get(0).price().equals(new BigDecimal("936.00")),
                "v1 new order lost its trade");
        BtseBookMessage databind = btseBookDelta();
        BtseWsBook book = (BtseWsBook) btseDeltaFrame();
        require(book.bids().size() == 1 && book.asks().size() == 2 && book.seqNum() == databind.data().seqNum()
                && book.timestampMillis() == databind.data().timestamp(), "BTSE delta misread");
        for (int i = 0; i < 2; i++) {
            List<BigDecimal> level = databind.data().asks().get(i);
            require(book.asks().get(i).price().equals(level.get(0)) && book.asks().get(i).amount().equals(level.get(1)),
                    "BTSE delta level misread");
        }
        require(book.bids().get(0).amount().equals(new BigDecimal("0.12000")), "BTSE delta lost a scale");
        require(btseTradeFrame().equals(new BtseWsTrade("BTC-USD", "SELL", new BigDecimal("36000.5"),
                new BigDecimal("0.01"), 118974855L, Instant.ofEpochMilli(1584446020295L))), "BTSE trade misread");
    }

    private static ByteBuf bytes(String frame) {
        return Unpooled.wrappedBuffer(frame.getBytes(StandardCharsets.UTF_8));
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }

    /** A BTSE order-book delta into its record. */
    @Benchmark
    public BtseBookMessage btseBookDelta() throws IOException {
        return btseReader.readValue(btseDelta);
    }

    /** A BTSE order-book delta (one bid, two asks) through exflux's streaming BTSE decoder. */
    @Benchmark
    public BtseWsMessage btseDeltaFrame() {
        btseDecoder.decode(btseDeltaText, btseOut);
        return btseLast;
    }

    /** A BTSE trade frame (one trade) through exflux's streaming BTSE decoder. */
    @Benchmark
    public BtseWsMessage btseTradeFrame() {
        btseDecoder.decode(btseTradeText, btseOut);
        return btseLast;
    }

    /** An ALP trade frame into its record. */
    @Benchmark
    public AlpTrade alpTradeFrame() throws IOException {
        return alpReader.readValue(alpTrade);
    }

    /** A {@code p} frame as the document shows one: 20 levels a side, every number a string with 8 decimals. */
    private static String depth20() {
        StringBuilder asks = new StringBuilder();
        StringBuilder bids = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            asks.append(i == 0 ? "" : ",").append("[\"").append(26100 + i * 7).append(".11000000\",\"0.")
                    .append(302 + i).append("00000\"]");
            bids.append(i == 0 ? "" : ",").append("[\"").append(25768 - i * 9).append(".09000000\",\"0.0")
                    .append(59 + i).append("00000\"]");
        }
        return "[\"p\",1694178331,{\"Asks\":[" + asks + "],\"Bids\":[" + bids + "],\"Symbol\":\"BTC_USDT\","
                + "\"TotalAsks\":\"148953.50292677\",\"TotalBids\":\"148953.97125366\"}]";
    }

    @Benchmark
    public AlpMessage alpTrade() {
        return AlpFrameDecoder.decode(tradeText);
    }

    @Benchmark
    public AlpMessage treeTrade() {
        return AlpTreeDecoder.decode(tradeText);
    }

    @Benchmark
    public AlpMessage alpDiff() {
        return AlpFrameDecoder.decode(diffText);
    }

    @Benchmark
    public AlpMessage treeDiff() {
        return AlpTreeDecoder.decode(diffText);
    }

    @Benchmark
    public AlpMessage alpDepth20() {
        return AlpFrameDecoder.decode(depthText);
    }

    @Benchmark
    public AlpMessage treeDepth20() {
        return AlpTreeDecoder.decode(depthText);
    }

    @Benchmark
    public AlpMessage alpTicker() {
        return AlpFrameDecoder.decode(tickerText);
    }

    @Benchmark
    public AlpMessage treeTicker() {
        return AlpTreeDecoder.decode(tickerText);
    }

    @Benchmark
    public V1BookEvent v1NewOrder() {
        v1SocketIo.decode(v1NewOrderText, v1Sink);
        return v1Sink.last();
    }

    @Benchmark
    public V1BookEvent v1TreeNewOrder() {
        v1TreeSocketIo.decode(v1NewOrderText, v1Sink);
        return v1Sink.last();
    }

    @Benchmark
    public V1BookEvent v1Cancel() {
        v1Bare.decode(v1CancelText, v1Sink);
        return v1Sink.last();
    }

    @Benchmark
    public V1BookEvent v1TreeCancel() {
        v1TreeBare.decode(v1CancelText, v1Sink);
        return v1Sink.last();
    }

    /** {@link #v1NewOrder}'s frame as the socket hands it over: its bytes, through {@code decode(ByteBuf)}. */
    @Benchmark
    public V1BookEvent v1NewOrderFromBytes() {
        v1SocketIo.decode(v1NewOrderBytes, v1Sink);
        return v1Sink.last();
    }

    /** {@link #v1Cancel}'s frame as its bytes. */
    @Benchmark
    public V1BookEvent v1CancelFromBytes() {
        v1Bare.decode(v1CancelBytes, v1Sink);
        return v1Sink.last();
    }

    /** A live stream's new orders, each its own time and values, from their bytes: what an event costs there. */
    @Benchmark
    public V1BookEvent v1NewOrderLive() {
        v1SocketIo.decode(v1LiveNewOrders[v1Live++ & LIVE_FRAMES - 1], v1Sink);
        return v1Sink.last();
    }

    /** The same frames' text through the tree route. */
    @Benchmark
    public V1BookEvent v1TreeNewOrderLive() {
        v1TreeSocketIo.decode(v1LiveNewOrderTexts[v1Live++ & LIVE_FRAMES - 1], v1Sink);
        return v1Sink.last();
    }

    /** A live stream's cancels, from their bytes. */
    @Benchmark
    public V1BookEvent v1CancelLive() {
        v1Bare.decode(v1LiveCancels[v1Live++ & LIVE_FRAMES - 1], v1Sink);
        return v1Sink.last();
    }

    /** The same frames' text through the tree route. */
    @Benchmark
    public V1BookEvent v1TreeCancelLive() {
        v1TreeBare.decode(v1LiveCancelTexts[v1Live++ & LIVE_FRAMES - 1], v1Sink);
        return v1Sink.last();
    }
}
