package io.exflux.reactive.venue.alp.model;

import io.exflux.reactive.internal.codec.PackedDecimal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code ["d", time, symbol, [asks, bids]]}: asks first, then bids; each level {@code [price, quantity
 * difference]} (the document's words): the amount is added to the level's size.
 *
 * <p>An immutable value with the accessors, equality and text of a record. The levels are held compactly (a
 * decoded one-level-a-side diff costs about 80 bytes instead of 288; the book of {@code watchOrderBook} reads them
 * without a {@code BigDecimal}); {@link #asks()} and {@link #bids()} make their lists on each call.
 */
public final class AlpDiff implements AlpMessage {

    private final Instant time;
    private final String symbol;
    /** Price and amount of each level, packed: the asks' first, then the bids'. */
    private final long[] levels;
    /** {@code null}, or the values that do not pack, at their index in {@link #levels}. */
    private final BigDecimal[] wide;
    private final int askCount;

    public AlpDiff(Instant time, String symbol, List<AlpLevel> asks, List<AlpLevel> bids) {
        this(time, symbol, new long[2 * (asks.size() + bids.size())], asks, bids);
    }

    private AlpDiff(Instant time, String symbol, long[] levels, List<AlpLevel> asks, List<AlpLevel> bids) {
        this.time = time;
        this.symbol = symbol;
        this.levels = levels;
        this.askCount = asks.size();
        BigDecimal[] unpacked = null;
        int at = 0;
        for (List<AlpLevel> side : List.of(asks, bids)) {
            for (AlpLevel level : side) {
                for (BigDecimal value : new BigDecimal[] {level.price(), level.amount()}) {
                    levels[at] = AlpWsTrade.packed(value);
                    if (levels[at] == PackedDecimal.NONE) {
                        unpacked = unpacked == null ? new BigDecimal[levels.length] : unpacked;
                        unpacked[at] = value;
                    }
                    at++;
                }
            }
        }
        this.wide = unpacked;
    }

    /** The decoder's; the arrays are this record's from now on. */
    AlpDiff(Instant time, String symbol, long[] levels, BigDecimal[] wide, int askCount) {
        this.time = time;
        this.symbol = symbol;
        this.levels = levels;
        this.wide = wide;
        this.askCount = askCount;
    }

    public Instant time() {
        return time;
    }

    public String symbol() {
        return symbol;
    }

    /** The asks as sent, a new list of new values on each call. */
    public List<AlpLevel> asks() {
        return levels(0, askCount);
    }

    /** The bids as sent, a new list of new values on each call. */
    public List<AlpLevel> bids() {
        return levels(askCount, levels.length / 2);
    }

    int askCount() {
        return askCount;
    }

    int levelCount() {
        return levels.length / 2;
    }

    long packed(int index) {
        return levels[index];
    }

    /** The value at {@code index} of the packed levels, as a {@code BigDecimal}. */
    BigDecimal value(int index) {
        return PackedDecimal.toBigDecimal(levels[index], wide == null ? null : wide[index]);
    }

    private List<AlpLevel> levels(int from, int to) {
        AlpLevel[] out = new AlpLevel[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = new AlpLevel(value(2 * i), value(2 * i + 1));
        }
        return List.of(out);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AlpDiff that && askCount == that.askCount
                && Objects.equals(time, that.time) && Objects.equals(symbol, that.symbol)
                && Arrays.equals(levels, that.levels) && Arrays.equals(wideOrEmpty(), that.wideOrEmpty());
    }

    /** Equal diffs may differ in having an array of nulls or none. */
    private BigDecimal[] wideOrEmpty() {
        return wide == null ? new BigDecimal[levels.length] : wide;
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, symbol, asks(), bids());
    }

    @Override
    public String toString() {
        return "AlpDiff[time=" + time + ", symbol=" + symbol + ", asks=" + asks() + ", bids=" + bids() + "]";
    }
}
