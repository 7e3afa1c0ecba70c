package io.exflux.benchmarks;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.PriceLevel;
import io.exflux.reactive.internal.book.ApplyResult;
import io.exflux.reactive.internal.book.OrderBookEngine;
import io.exflux.reactive.internal.book.ScaledBookUpdate;
import io.exflux.reactive.internal.book.ScaledDecimals;
import java.math.BigDecimal;
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
 * Order-book update throughput (updates/s) on one synthetic stream ({@link SyntheticBookStream}: one
 * level an update, absolute sizes, half deletes) for exflux's {@link OrderBookEngine}, a
 * {@code TreeMap<BigDecimal, BigDecimal>} per side, and XChange's {@code OrderBook}. Each implementation
 * gets the stream in its own natural input type, built beforehand; each invocation starts from the same
 * starting book (reset outside the measurement) and applies the whole stream.
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -jar benchmarks/target/benchmarks.jar OrderBook}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrderBookBenchmark {

    /** Updates in the stream; one benchmark invocation applies all of them. */
    static final int UPDATES = 1 << 17;
    private static final long SEED = 20261122L;
    private static final CurrencyPair PAIR = CurrencyPair.of("BTC", "USD");
    private static final Instant TIME = Instant.parse("2026-11-22T00:00:00Z");

    @Param({"500", "5000"})
    public int levels;

    private SyntheticBookStream stream;

    private PairInfo info;
    private io.exflux.api.model.OrderBook exfluxStart;
    private OrderBookUpdate[] exfluxUpdates;
    private OrderBookEngine engine;
    private ScaledBookUpdate[] scaledUpdates;
    private String[] priceTexts;
    private String[] amountTexts;
    private final ScaledBookUpdate decoderHolder = new ScaledBookUpdate();

    private TreeMap<BigDecimal, BigDecimal> treeBids;
    private TreeMap<BigDecimal, BigDecimal> treeAsks;

    private List<LimitOrder> xchangeStartBids;
    private List<LimitOrder> xchangeStartAsks;
    private LimitOrder[] xchangeUpdates;
    private OrderBook xchangeBook;

    @Setup(Level.Trial)
    public void buildStream() {
        stream = new SyntheticBookStream(levels, UPDATES, SEED);
        info = new PairInfo(PAIR, "BTC-USD", SyntheticBookStream.PRICE_SCALE, SyntheticBookStream.AMOUNT_SCALE,
                null, null, null);
        exfluxStart = new io.exflux.api.model.OrderBook(PAIR, exfluxLevels(stream.initialBids),
                exfluxLevels(stream.initialAsks), TIME, 0);
        exfluxUpdates = new OrderBookUpdate[UPDATES];
        org.knowm.xchange.currency.CurrencyPair xchangePair = new org.knowm.xchange.currency.CurrencyPair("BTC", "USD");
        xchangeUpdates = new LimitOrder[UPDATES];
        Date date = new Date(TIME.toEpochMilli());
        for (int i = 0; i < UPDATES; i++) {
            List<PriceLevel> level = List.of(new PriceLevel(stream.prices[i], stream.amounts[i]));
            exfluxUpdates[i] = new OrderBookUpdate(PAIR, OrderBookUpdate.Kind.DELTA, OrderBookUpdate.Mode.ABSOLUTE,
                    stream.isBid[i] ? level : List.of(), stream.isBid[i] ? List.of() : level, i + 1, i, TIME);
            xchangeUpdates[i] = new LimitOrder(stream.isBid[i] ? OrderType.BID : OrderType.ASK, stream.amounts[i],
                    xchangePair, null, date, stream.prices[i]);
        }
        scaledUpdates = new ScaledBookUpdate[UPDATES];
        priceTexts = new String[UPDATES];
        amountTexts = new String[UPDATES];
        for (int i = 0; i < UPDATES; i++) {
            long price = ScaledDecimals.toScaled(stream.prices[i], SyntheticBookStream.PRICE_SCALE, "price");
            long amount = ScaledDecimals.toScaled(stream.amounts[i], SyntheticBookStream.AMOUNT_SCALE, "amount");
            ScaledBookUpdate update = new ScaledBookUpdate(1)
                    .reset(OrderBookUpdate.Kind.DELTA, OrderBookUpdate.Mode.ABSOLUTE, i + 1, i, TIME);
            scaledUpdates[i] = stream.isBid[i] ? update.addBid(price, amount) : update.addAsk(price, amount);
            priceTexts[i] = stream.prices[i].toPlainString();
            amountTexts[i] = stream.amounts[i].toPlainString();
        }
        xchangeStartBids = xchangeLevels(stream.initialBids, OrderType.BID, xchangePair, date);
        xchangeStartAsks = xchangeLevels(stream.initialAsks, OrderType.ASK, xchangePair, date);
        engine = new OrderBookEngine(info);
        treeBids = new TreeMap<>(Collections.reverseOrder());
        treeAsks = new TreeMap<>();
        checkTheBooksAgree();
    }

    /** Applies the stream once to each implementation and fails the run unless all end with the same book. */
    private void checkTheBooksAgree() {
        resetBooks();
        exfluxScaled();
        io.exflux.api.model.OrderBook scaledResult = engine.view();
        resetBooks();
        exfluxFromText();
        io.exflux.api.model.OrderBook textResult = engine.view();
        resetBooks();
        exfluxEngine();
        treeMap();
        xchange();
        io.exflux.api.model.OrderBook exflux = engine.view();
        if (!exflux.equals(scaledResult) || !exflux.equals(textResult)) {
            throw new IllegalStateException("the exflux entry points disagree after the stream");
        }
        List<String> expectedBids = new ArrayList<>();
        treeBids.forEach((price, amount) -> expectedBids.add(price.toPlainString() + "@" + amount.toPlainString()));
        List<String> expectedAsks = new ArrayList<>();
        treeAsks.forEach((price, amount) -> expectedAsks.add(price.toPlainString() + "@" + amount.toPlainString()));
        List<String> exfluxBids = new ArrayList<>();
        exflux.bids().forEach(level -> exfluxBids.add(level.price().toPlainString() + "@" + level.amount().toPlainString()));
        List<String> exfluxAsks = new ArrayList<>();
        exflux.asks().forEach(level -> exfluxAsks.add(level.price().toPlainString() + "@" + level.amount().toPlainString()));
        List<String> xchangeBids = new ArrayList<>();
        xchangeBook.getBids().forEach(o -> xchangeBids.add(o.getLimitPrice().toPlainString() + "@" + o.getOriginalAmount().toPlainString()));
        List<String> xchangeAsks = new ArrayList<>();
        xchangeBook.getAsks().forEach(o -> xchangeAsks.add(o.getLimitPrice().toPlainString() + "@" + o.getOriginalAmount().toPlainString()));
        if (!expectedBids.equals(exfluxBids) || !expectedAsks.equals(exfluxAsks)
                || !expectedBids.equals(xchangeBids) || !expectedAsks.equals(xchangeAsks)) {
            throw new IllegalStateException("the three books disagree after the stream");
        }
        if (stream.deletes * 2L < UPDATES * 9L / 10 || stream.deletes * 2L > UPDATES * 11L / 10) {
            throw new IllegalStateException("the stream is not half deletes: " + stream.deletes);
        }
    }

    /** Every invocation starts from the same book, rebuilt outside the measured time. */
    @Setup(Level.Invocation)
    public void resetBooks() {
        if (engine.applySnapshot(exfluxStart) != ApplyResult.APPLIED) {
            throw new IllegalStateException("starting book not applied");
        }
        treeBids.clear();
        treeAsks.clear();
        for (BigDecimal[] level : stream.initialBids) {
            treeBids.put(level[0], level[1]);
        }
        for (BigDecimal[] level : stream.initialAsks) {
            treeAsks.put(level[0], level[1]);
        }
        xchangeBook = new OrderBook(null, new ArrayList<>(xchangeStartAsks), new ArrayList<>(xchangeStartBids), true);
    }

    /** exflux: the venue-neutral update record through {@link OrderBookEngine#apply}, sequence checks on. */
    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public int exfluxEngine() {
        OrderBookEngine book = engine;
        OrderBookUpdate[] updates = exfluxUpdates;
        for (int i = 0; i < updates.length; i++) {
            if (book.apply(updates[i]) != ApplyResult.APPLIED) {
                throw new IllegalStateException("update " + i + " not applied");
            }
        }
        return book.bidLevels() + book.askLevels();
    }

    /** exflux: levels already scaled to longs (a decoder's {@link ScaledBookUpdate}), sequence checks on. */
    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public int exfluxScaled() {
        OrderBookEngine book = engine;
        ScaledBookUpdate[] updates = scaledUpdates;
        for (int i = 0; i < updates.length; i++) {
            if (book.apply(updates[i]) != ApplyResult.APPLIED) {
                throw new IllegalStateException("update " + i + " not applied");
            }
        }
        return book.bidLevels() + book.askLevels();
    }

    /**
     * exflux from the venue's text: each update's price and amount strings (as a JSON decoder hands them
     * out) parsed with {@link ScaledDecimals#parse} into one reused {@link ScaledBookUpdate}, then applied.
     */
    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public int exfluxFromText() {
        OrderBookEngine book = engine;
        ScaledBookUpdate holder = decoderHolder;
        boolean[] isBid = stream.isBid;
        for (int i = 0; i < isBid.length; i++) {
            holder.reset(OrderBookUpdate.Kind.DELTA, OrderBookUpdate.Mode.ABSOLUTE, i + 1, i, TIME);
            long price = ScaledDecimals.parse(priceTexts[i], SyntheticBookStream.PRICE_SCALE, "price");
            long amount = ScaledDecimals.parse(amountTexts[i], SyntheticBookStream.AMOUNT_SCALE, "amount");
            if (isBid[i]) {
                holder.addBid(price, amount);
            } else {
                holder.addAsk(price, amount);
            }
            if (book.apply(holder) != ApplyResult.APPLIED) {
                throw new IllegalStateException("update " + i + " not applied");
            }
        }
        return book.bidLevels() + book.askLevels();
    }

    /** Baseline: one {@code TreeMap<BigDecimal, BigDecimal>} a side, zero removes. */
    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public int treeMap() {
        boolean[] isBid = stream.isBid;
        BigDecimal[] prices = stream.prices;
        BigDecimal[] amounts = stream.amounts;
        for (int i = 0; i < isBid.length; i++) {
            TreeMap<BigDecimal, BigDecimal> side = isBid[i] ? treeBids : treeAsks;
            if (amounts[i].signum() == 0) {
                side.remove(prices[i]);
            } else {
                side.put(prices[i], amounts[i]);
            }
        }
        return treeBids.size() + treeAsks.size();
    }

    /** XChange 5.2.4: {@code OrderBook.update(LimitOrder)}, its documented way to apply a level change. */
    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public int xchange() {
        OrderBook book = xchangeBook;
        LimitOrder[] updates = xchangeUpdates;
        for (int i = 0; i < updates.length; i++) {
            book.update(updates[i]);
        }
        return book.getBids().size() + book.getAsks().size();
    }

    private static List<PriceLevel> exfluxLevels(List<BigDecimal[]> levels) {
        List<PriceLevel> result = new ArrayList<>(levels.size());
        for (BigDecimal[] level : levels) {
            result.add(new PriceLevel(level[0], level[1]));
        }
        return result;
    }

    private static List<LimitOrder> xchangeLevels(List<BigDecimal[]> levels, OrderType type,
                                                  org.knowm.xchange.currency.CurrencyPair pair, Date date) {
        List<LimitOrder> result = new ArrayList<>(levels.size());
        for (BigDecimal[] level : levels) {
            result.add(new LimitOrder(type, level[1], pair, null, date, level[0]));
        }
        return result;
    }
}
