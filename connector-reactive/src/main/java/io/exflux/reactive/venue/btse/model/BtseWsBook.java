package io.exflux.reactive.venue.btse.model;

import io.exflux.api.model.PriceLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One frame of an order-book topic {@code update:<SYMBOL>_<grouping>}: the first one a {@link Type#SNAPSHOT}
 * (at most 50 levels a side, ungrouped), then {@link Type#DELTA}s whose sizes are the new absolute size at
 * that price ({@code 0} deletes the level), chained by {@code seqNum = prevSeqNum + 1}.
 *
 * <p>Levels are kept packed as each decimal's unscaled digits and scale, exactly as sent (no {@code double},
 * no {@code BigDecimal} until asked for): {@link #scaledPrice}/{@link #scaledSize} hand them to a book kept on
 * scaled {@code long}s without allocating, {@link #bids()}/{@link #asks()} build {@link PriceLevel}s on each call.
 * Levels are in the venue's order (snapshots send asks with the best last). Immutable.
 *
 * <p>Each value takes one {@code int} when its digits and scale fit 32 bits (most prices and sizes: up to
 * 33,554,431 unscaled, scale up to 63), else every value of the frame takes two {@code long}s; a three-level
 * delta is 96 bytes in all.
 */
public final class BtseWsBook implements BtseWsMessage {

    /** Whole book or change. */
    public enum Type { SNAPSHOT, DELTA }

    private final String topic;
    private final String symbol;
    private final Type type;
    private final long seqNum;
    private final long prevSeqNum;
    private final long timestampMillis;
    /** Per level, bids first, price then size: a {@link BtseLevelValues} array, compact or wide. */
    private final Object values;
    private final int bidCount;

    private BtseWsBook(String topic, String symbol, Type type, long seqNum, long prevSeqNum, long timestampMillis,
                       Object values, int bidCount) {
        this.topic = topic;
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.type = Objects.requireNonNull(type, "type");
        this.seqNum = seqNum;
        this.prevSeqNum = prevSeqNum;
        this.timestampMillis = timestampMillis;
        this.values = values;
        this.bidCount = bidCount;
        int count = BtseLevelValues.count(values);
        if (count % 2 != 0 || bidCount < 0 || 2 * bidCount > count) {
            throw new IllegalArgumentException("packed levels do not fit together");
        }
    }

    /** The decoder's: {@code values} from {@link BtseLevelValues#of}. */
    static BtseWsBook ofValues(String topic, String symbol, Type type, long seqNum, long prevSeqNum,
                               long timestampMillis, Object values, int bidCount) {
        return new BtseWsBook(topic, symbol, type, seqNum, prevSeqNum, timestampMillis, values, bidCount);
    }

    /**
     * A frame from packed levels, for decoders: {@code digits} holds, per level and bids first, the unscaled
     * price then the unscaled size; {@code scales} the scale of each. The arrays are owned by the message from
     * then on: the caller must not change them.
     *
     * @param seqNum     the frame's sequence number, {@code -1} when absent
     * @param prevSeqNum the sequence number it follows, {@code -1} when absent
     */
    public static BtseWsBook packed(String topic, String symbol, Type type, long seqNum, long prevSeqNum,
                                    long timestampMillis, long[] digits, byte[] scales, int bidCount) {
        if (digits.length != scales.length) {
            throw new IllegalArgumentException("packed levels do not fit together");
        }
        return new BtseWsBook(topic, symbol, type, seqNum, prevSeqNum, timestampMillis,
                BtseLevelValues.of(digits, scales, digits.length, null, null, 0), bidCount);
    }

    /** A frame from levels (tests, tools); every price and size must have a scale in 0..127. */
    public static BtseWsBook of(String topic, String symbol, Type type, long seqNum, long prevSeqNum,
                                Instant timestamp, List<PriceLevel> bids, List<PriceLevel> asks) {
        int count = bids.size() + asks.size();
        long[] digits = new long[2 * count];
        byte[] scales = new byte[2 * count];
        int at = 0;
        for (PriceLevel level : concat(bids, asks)) {
            at = put(digits, scales, at, level.price());
            at = put(digits, scales, at, level.amount());
        }
        return packed(topic, symbol, type, seqNum, prevSeqNum, timestamp.toEpochMilli(), digits, scales, bids.size());
    }

    private static List<PriceLevel> concat(List<PriceLevel> first, List<PriceLevel> second) {
        List<PriceLevel> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static int put(long[] digits, byte[] scales, int at, BigDecimal value) {
        BigDecimal exact = value.scale() < 0 ? value.setScale(0) : value;
        if (exact.scale() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("scale out of range: " + value);
        }
        digits[at] = exact.unscaledValue().longValueExact();
        scales[at] = (byte) exact.scale();
        return at + 1;
    }

    /** The topic as the frame spelled it (deltas may omit the grouping); route by {@link #symbol()} instead. */
    public String topic() {
        return topic;
    }

    /** {@code data.symbol}, e.g. {@code BTC-USD}. */
    public String symbol() {
        return symbol;
    }

    public Type type() {
        return type;
    }

    /** The frame's sequence number, {@code -1} when absent. */
    public long seqNum() {
        return seqNum;
    }

    /** The sequence number this frame follows, {@code -1} when absent. */
    public long prevSeqNum() {
        return prevSeqNum;
    }

    /** {@code data.timestamp} (milliseconds). */
    public Instant timestamp() {
        return Instant.ofEpochMilli(timestampMillis);
    }

    public long timestampMillis() {
        return timestampMillis;
    }

    public int bidCount() {
        return bidCount;
    }

    public int askCount() {
        return BtseLevelValues.count(values) / 2 - bidCount;
    }

    /** Bid levels in the frame's order; sizes may be zero (deleted levels) in deltas. A new list on each call. */
    public List<PriceLevel> bids() {
        return levels(0, bidCount);
    }

    /** Ask levels in the frame's order; sizes may be zero (deleted levels) in deltas. A new list on each call. */
    public List<PriceLevel> asks() {
        return levels(bidCount, BtseLevelValues.count(values) / 2);
    }

    private List<PriceLevel> levels(int from, int to) {
        List<PriceLevel> list = new ArrayList<>(to - from);
        for (int level = from; level < to; level++) {
            list.add(new PriceLevel(decimal(2 * level), decimal(2 * level + 1)));
        }
        return Collections.unmodifiableList(list);
    }

    private BigDecimal decimal(int index) {
        return BigDecimal.valueOf(BtseLevelValues.unscaled(values, index), BtseLevelValues.scale(values, index));
    }

    /**
     * The price of level {@code index} of one side scaled to {@code scale} decimals, without allocating.
     *
     * @throws ArithmeticException when the price has more decimals than {@code scale} or does not fit a {@code long}
     */
    public long scaledPrice(boolean bid, int index, int scale) {
        return scaled(2 * position(bid, index), scale);
    }

    /** The size of level {@code index} of one side scaled to {@code scale} decimals; see {@link #scaledPrice}. */
    public long scaledSize(boolean bid, int index, int scale) {
        return scaled(2 * position(bid, index) + 1, scale);
    }

    private int position(boolean bid, int index) {
        int count = bid ? bidCount : askCount();
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
        return bid ? index : bidCount + index;
    }

    private long scaled(int at, int scale) {
        long value = BtseLevelValues.unscaled(values, at);
        int have = BtseLevelValues.scale(values, at);
        if (have == scale) {
            return value;
        }
        if (have < scale) {
            long result = value;
            for (int i = have; i < scale; i++) {
                result = Math.multiplyExact(result, 10L);
            }
            return result;
        }
        long result = value;
        for (int i = scale; i < have; i++) {
            if (result % 10 != 0) {
                throw new ArithmeticException("more than " + scale + " decimals: " + decimal(at).toPlainString());
            }
            result /= 10;
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof BtseWsBook that)) {
            return false;
        }
        return seqNum == that.seqNum && prevSeqNum == that.prevSeqNum && timestampMillis == that.timestampMillis
                && bidCount == that.bidCount && type == that.type && symbol.equals(that.symbol)
                && Objects.equals(topic, that.topic) && bids().equals(that.bids()) && asks().equals(that.asks());
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, type, seqNum, prevSeqNum, timestampMillis, bids(), asks());
    }

    @Override
    public String toString() {
        return "BtseWsBook[" + symbol + " " + type + " seq " + seqNum + " after " + prevSeqNum + ", "
                + bidCount + " bids, " + askCount() + " asks, at " + timestampMillis + "]";
    }
}
