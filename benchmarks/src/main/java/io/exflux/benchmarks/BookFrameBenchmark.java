package io.exflux.benchmarks;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.PriceLevel;
import io.exflux.reactive.internal.book.ApplyResult;
import io.exflux.reactive.internal.book.OrderBookEngine;
import io.exflux.reactive.internal.book.ScaledBookUpdate;
import io.exflux.reactive.venue.alp.internal.AlpFrameDecoder;
import io.exflux.reactive.venue.alp.internal.AlpMapper;
import io.exflux.reactive.venue.alp.internal.AlpScaledFrames;
import io.exflux.reactive.venue.alp.model.AlpDiff;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.knowm.xchange.dto.Order.OrderType;
import org.knowm.xchange.dto.marketdata.OrderBook;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The whole path a user compares: ALP {@code d} frames (their UTF-8 bytes, as the socket hands them over) to an
 * updated book,
 * frames/s, at 500 and 5,000 levels a side ({@link AlpBookFrames}: one level a frame, quantity differences, half
 * of them deletes). exflux: its ALP decoder, mapper and {@link OrderBookEngine} ({@code exflux}, the records of
 * {@code watchOrderBookUpdates}); the route of {@code watchOrderBook} ({@code exfluxWatch}: the decoder's packed
 * {@code AlpDiff} scaled into the engine's reused update); and the frame read straight into a scaled update
 * ({@code exfluxScaled}).
 * XChange 5.2.4: Jackson into a DTO of {@code BigDecimal}s, then {@code OrderBook.update(LimitOrder)} with the new
 * size (XChange books hold absolute sizes, so the current size is looked up first, as its own update does).
 * exflux reads each frame from a heap {@code ByteBuf} over its bytes (in place; a pooled direct buffer from a socket
 * costs one bulk copy more), XChange's Jackson from the same bytes ({@code readValue(byte[])}).
 * ccxt runs the same frames in {@code benchmarks/node/ccxt-book.mjs}. Every invocation starts from the same book;
 * the trial fails unless both books end equal to the stream's.
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -jar benchmarks/target/benchmarks.jar BookFrame -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BookFrameBenchmark {

    /** Frames in the stream; one invocation applies all of them. */
    static final int FRAMES = 1 << 15;
    static final long SEED = 20261129L;
    private static final CurrencyPair PAIR = CurrencyPair.of("BTC", "USD");

    /** XChange's side of the wire: the frame as a DTO, the way its stream adapters read venue JSON. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"type", "time", "symbol", "data"})
    public record XchangeDiff(String type, long time, String symbol, List<List<List<BigDecimal>>> data) {
    }

    @Param({"500", "5000"})
    public int levels;

    private AlpBookFrames book;
    /** The frames' UTF-8 bytes, for XChange's Jackson. */
    private byte[][] bytes;
    /** The same bytes as the websocket frames' content, for exflux. */
    private ByteBuf[] buffers;
    private OrderBookEngine engine;
    private final ScaledBookUpdate holder = new ScaledBookUpdate();
    private io.exflux.api.model.OrderBook exfluxStart;
    private final ObjectReader xchangeReader = new ObjectMapper().readerFor(XchangeDiff.class);
    private final org.knowm.xchange.currency.CurrencyPair xchangePair =
            new org.knowm.xchange.currency.CurrencyPair("BTC", "USD");
    private final Date date = new Date(AlpBookFrames.TIME * 1000);
    private List<LimitOrder> xchangeStartBids;
    private List<LimitOrder> xchangeStartAsks;
    private OrderBook xchangeBook;

    @Setup(Level.Trial)
    public void build() throws IOException {
        book = new AlpBookFrames(levels, FRAMES, SEED);
        bytes = new byte[FRAMES][];
        buffers = new ByteBuf[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            bytes[i] = book.frames[i].getBytes(StandardCharsets.UTF_8);
            buffers[i] = Unpooled.wrappedBuffer(bytes[i]);
        }
        engine = new OrderBookEngine(new PairInfo(PAIR, AlpBookFrames.SYMBOL, SyntheticBookStream.PRICE_SCALE,
                SyntheticBookStream.AMOUNT_SCALE, null, null, null));
        exfluxStart = new io.exflux.api.model.OrderBook(PAIR, exfluxLevels(book.stream.initialBids),
                exfluxLevels(book.stream.initialAsks), Instant.ofEpochSecond(AlpBookFrames.TIME), 0);
        xchangeStartBids = xchangeLevels(book.stream.initialBids, OrderType.BID);
        xchangeStartAsks = xchangeLevels(book.stream.initialAsks, OrderType.ASK);
        checkTheBooksAgree();
    }

    /** Every invocation starts from the same book, rebuilt outside the measured time. */
    @Setup(Level.Invocation)
    public void resetBooks() {
        if (engine.applySnapshot(exfluxStart) != ApplyResult.APPLIED) {
            throw new IllegalStateException("starting book not applied");
        }
        xchangeBook = new OrderBook(null, new ArrayList<>(xchangeStartAsks), new ArrayList<>(xchangeStartBids), true);
    }

    /**
     * exflux through the records: {@code AlpFrameDecoder} (streaming) to {@code AlpDiff}, {@code AlpMapper.diff} to an
     * {@code OrderBookUpdate}, the engine (the route of {@code watchOrderBookUpdates} into a user's own book).
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int exflux() {
        OrderBookEngine target = engine;
        for (ByteBuf frame : buffers) {
            AlpDiff diff = (AlpDiff) AlpFrameDecoder.decode(frame);
            if (target.apply(AlpMapper.diff(diff)) != ApplyResult.APPLIED) {
                throw new IllegalStateException("frame not applied: " + frame.toString(StandardCharsets.UTF_8));
            }
        }
        return target.bidLevels() + target.askLevels();
    }

    /**
     * The route of {@code watchOrderBook}: {@code AlpFrameDecoder} (its plain reader, {@code AlpPlainFrames}, for these
     * frames) to {@code AlpDiff}, whose levels are
     * packed {@code long}s (the socket layer routes decoded messages: a malformed frame is counted and skipped there,
     * and {@code diff()} subscribers share the message), then {@code AlpScaledFrames.diff} rescales them into the
     * engine's reused update: no {@code BigDecimal}, no {@code OrderBookUpdate}, no pair looked up again.
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int exfluxWatch() {
        OrderBookEngine target = engine;
        for (ByteBuf frame : buffers) {
            AlpDiff diff = (AlpDiff) AlpFrameDecoder.decode(frame);
            if (target.apply(AlpScaledFrames.diff(diff)) != ApplyResult.APPLIED) {
                throw new IllegalStateException("frame not applied: " + frame.toString(StandardCharsets.UTF_8));
            }
        }
        return target.bidLevels() + target.askLevels();
    }

    /**
     * exflux's allocation-free route: {@code AlpFrameDecoder.diffInto} reads each frame straight into one reused
     * {@link ScaledBookUpdate} (prices and amounts scaled while read), then the engine: the floor of
     * {@code exfluxWatch}, which adds the packed {@code AlpDiff} the socket layer routes (80 bytes and a rescale).
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int exfluxScaled() {
        OrderBookEngine target = engine;
        ScaledBookUpdate update = holder;
        for (ByteBuf frame : buffers) {
            if (!AlpFrameDecoder.diffInto(frame, AlpBookFrames.SYMBOL, update, SyntheticBookStream.PRICE_SCALE,
                    SyntheticBookStream.AMOUNT_SCALE) || target.apply(update) != ApplyResult.APPLIED) {
                throw new IllegalStateException("frame not applied: " + frame.toString(StandardCharsets.UTF_8));
            }
        }
        return target.bidLevels() + target.askLevels();
    }

    /** XChange: Jackson into {@link XchangeDiff}, then the new absolute size of each level into its book. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int xchange() throws IOException {
        OrderBook target = xchangeBook;
        for (byte[] frame : bytes) {
            XchangeDiff diff = xchangeReader.readValue(frame);
            apply(target, diff.data().get(0), OrderType.ASK);
            apply(target, diff.data().get(1), OrderType.BID);
        }
        return target.getBids().size() + target.getAsks().size();
    }

    private void apply(OrderBook target, List<List<BigDecimal>> levels, OrderType type) {
        for (List<BigDecimal> level : levels) {
            BigDecimal price = level.get(0);
            List<LimitOrder> side = type == OrderType.BID ? target.getBids() : target.getAsks();
            int at = Collections.binarySearch(side, new LimitOrder(type, BigDecimal.ZERO, xchangePair, null, null, price));
            BigDecimal size = (at >= 0 ? side.get(at).getOriginalAmount() : BigDecimal.ZERO).add(level.get(1));
            target.update(new LimitOrder(type, size, xchangePair, null, date, price));
        }
    }

    private void checkTheBooksAgree() throws IOException {
        resetBooks();
        exfluxScaled();
        io.exflux.api.model.OrderBook scaled = engine.view();
        resetBooks();
        exfluxWatch();
        io.exflux.api.model.OrderBook watched = engine.view();
        resetBooks();
        exflux();
        xchange();
        if (!scaled.equals(engine.view()) || !watched.equals(engine.view())) {
            throw new IllegalStateException("exflux's three routes disagree after the frames");
        }
        TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
        TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        book.stream.initialBids.forEach(level -> bids.put(level[0], level[1]));
        book.stream.initialAsks.forEach(level -> asks.put(level[0], level[1]));
        for (int i = 0; i < FRAMES; i++) {
            TreeMap<BigDecimal, BigDecimal> side = book.stream.isBid[i] ? bids : asks;
            if (book.stream.amounts[i].signum() == 0) {
                side.remove(book.stream.prices[i]);
            } else {
                side.put(book.stream.prices[i], book.stream.amounts[i]);
            }
        }
        List<String> expected = new ArrayList<>();
        bids.forEach((price, amount) -> expected.add("b" + price.stripTrailingZeros() + "@" + amount.stripTrailingZeros()));
        asks.forEach((price, amount) -> expected.add("a" + price.stripTrailingZeros() + "@" + amount.stripTrailingZeros()));
        List<String> exflux = new ArrayList<>();
        io.exflux.api.model.OrderBook view = engine.view();
        view.bids().forEach(l -> exflux.add("b" + l.price().stripTrailingZeros() + "@" + l.amount().stripTrailingZeros()));
        view.asks().forEach(l -> exflux.add("a" + l.price().stripTrailingZeros() + "@" + l.amount().stripTrailingZeros()));
        List<String> xchange = new ArrayList<>();
        xchangeBook.getBids().forEach(o -> xchange.add("b" + o.getLimitPrice().stripTrailingZeros() + "@"
                + o.getOriginalAmount().stripTrailingZeros()));
        xchangeBook.getAsks().forEach(o -> xchange.add("a" + o.getLimitPrice().stripTrailingZeros() + "@"
                + o.getOriginalAmount().stripTrailingZeros()));
        if (!expected.equals(exflux) || !expected.equals(xchange)) {
            throw new IllegalStateException("the books disagree after the frames: expected " + expected.size()
                    + " levels, exflux " + exflux.size() + ", XChange " + xchange.size());
        }
    }

    private static List<PriceLevel> exfluxLevels(List<BigDecimal[]> levels) {
        List<PriceLevel> result = new ArrayList<>(levels.size());
        levels.forEach(level -> result.add(new PriceLevel(level[0], level[1])));
        return result;
    }

    private List<LimitOrder> xchangeLevels(List<BigDecimal[]> levels, OrderType type) {
        List<LimitOrder> result = new ArrayList<>(levels.size());
        levels.forEach(level -> result.add(new LimitOrder(type, level[1], xchangePair, null, date, level[0])));
        return result;
    }
}
