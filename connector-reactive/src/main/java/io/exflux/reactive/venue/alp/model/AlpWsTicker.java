package io.exflux.reactive.venue.alp.model;

import io.exflux.reactive.internal.codec.PackedDecimal;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * One row of a {@code tk} frame: {@code [symbol, close, baseVol, quoteVol, change, high, low, bid, ask]}.
 * {@code changePercent} is in per cent, as the document names it ("Change Percent").
 *
 * <p>An immutable value with the accessors, equality and text of a record. The eight values are held compactly
 * and each accessor call makes its {@code BigDecimal}.
 */
public final class AlpWsTicker {

    static final int VALUES = 8;

    private final String symbol;
    /** close, baseVolume, quoteVolume, changePercent, high, low, bid, ask: packed. */
    private final long[] values;
    /** {@code null}, or the values that do not pack at their index. */
    private final BigDecimal[] wide;

    public AlpWsTicker(String symbol, BigDecimal close, BigDecimal baseVolume, BigDecimal quoteVolume,
                       BigDecimal changePercent, BigDecimal high, BigDecimal low, BigDecimal bid, BigDecimal ask) {
        this.symbol = symbol;
        this.values = new long[VALUES];
        BigDecimal[] given = {close, baseVolume, quoteVolume, changePercent, high, low, bid, ask};
        BigDecimal[] unpacked = null;
        for (int i = 0; i < VALUES; i++) {
            values[i] = AlpWsTrade.packed(given[i]);
            if (values[i] == PackedDecimal.NONE) {
                unpacked = unpacked == null ? new BigDecimal[VALUES] : unpacked;
                unpacked[i] = given[i];
            }
        }
        this.wide = unpacked;
    }

    /** The decoder's and {@link AlpTickerUpdate}'s: {@code VALUES} values from {@code from}, copied. */
    AlpWsTicker(String symbol, long[] packed, BigDecimal[] wide, int from) {
        this.symbol = symbol;
        this.values = Arrays.copyOfRange(packed, from, from + VALUES);
        this.wide = copyWide(wide, from);
    }

    /** The {@code VALUES} wide values from {@code from}, or {@code null} when there are none. */
    static BigDecimal[] copyWide(BigDecimal[] wide, int from) {
        if (wide == null) {
            return null;
        }
        for (int i = from; i < from + VALUES && i < wide.length; i++) {
            if (wide[i] != null) {
                return Arrays.copyOfRange(wide, from, from + VALUES);
            }
        }
        return null;
    }

    long[] packedValues() {
        return values;
    }

    BigDecimal[] wideValues() {
        return wide;
    }

    private BigDecimal value(int index) {
        return PackedDecimal.toBigDecimal(values[index], wide == null ? null : wide[index]);
    }

    public String symbol() {
        return symbol;
    }

    public BigDecimal close() {
        return value(0);
    }

    public BigDecimal baseVolume() {
        return value(1);
    }

    public BigDecimal quoteVolume() {
        return value(2);
    }

    public BigDecimal changePercent() {
        return value(3);
    }

    public BigDecimal high() {
        return value(4);
    }

    public BigDecimal low() {
        return value(5);
    }

    public BigDecimal bid() {
        return value(6);
    }

    public BigDecimal ask() {
        return value(7);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AlpWsTicker that && Objects.equals(symbol, that.symbol)
                && Arrays.equals(values, that.values) && Arrays.equals(wide, that.wide);
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, close(), baseVolume(), quoteVolume(), changePercent(), high(), low(), bid(), ask());
    }

    @Override
    public String toString() {
        return "AlpWsTicker[symbol=" + symbol + ", close=" + close() + ", baseVolume=" + baseVolume() + ", quoteVolume="
                + quoteVolume() + ", changePercent=" + changePercent() + ", high=" + high() + ", low=" + low()
                + ", bid=" + bid() + ", ask=" + ask() + "]";
    }
}
