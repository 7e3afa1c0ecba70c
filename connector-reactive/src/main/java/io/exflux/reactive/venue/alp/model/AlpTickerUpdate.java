package io.exflux.reactive.venue.alp.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code ["tk", time, row...]}: the tickers that changed (topics {@code ticker.*}, {@code ticker.<PAIR>}).
 *
 * <p>An immutable value with the accessors, equality and text of a record. An update of one row (the usual frame,
 * and every update a ticker topic delivers) holds that row's values itself, compactly: {@link #rows()} then makes
 * the list and its row on each call.
 */
public final class AlpTickerUpdate implements AlpMessage {

    private final Instant time;
    /** Every row, unless there is exactly one: then {@code null}, and the row is held in the fields below. */
    private final List<AlpWsTicker> rows;
    private final String symbol;
    // the one row's values, packed, in AlpWsTicker's order: fields rather than an array save the array's 16 bytes
    private final long close;
    private final long baseVolume;
    private final long quoteVolume;
    private final long changePercent;
    private final long high;
    private final long low;
    private final long bid;
    private final long ask;
    private final BigDecimal[] wide;

    public AlpTickerUpdate(Instant time, List<AlpWsTicker> rows) {
        this(time, List.copyOf(rows), rows.size() == 1 ? rows.get(0) : null);
    }

    private AlpTickerUpdate(Instant time, List<AlpWsTicker> rows, AlpWsTicker only) {
        this(time, only == null ? rows : null, only == null ? null : only.symbol(),
                only == null ? new long[AlpWsTicker.VALUES] : only.packedValues(), only == null ? null : only.wideValues(),
                0);
    }

    /** The decoder's: one row, its values from {@code from} (copied). */
    AlpTickerUpdate(Instant time, String symbol, long[] values, BigDecimal[] wide, int from) {
        this(time, null, symbol, values, AlpWsTicker.copyWide(wide, from), from);
    }

    private AlpTickerUpdate(Instant time, List<AlpWsTicker> rows, String symbol, long[] values, BigDecimal[] wide,
                            int from) {
        this.time = time;
        this.rows = rows;
        this.symbol = symbol;
        this.close = values[from];
        this.baseVolume = values[from + 1];
        this.quoteVolume = values[from + 2];
        this.changePercent = values[from + 3];
        this.high = values[from + 4];
        this.low = values[from + 5];
        this.bid = values[from + 6];
        this.ask = values[from + 7];
        this.wide = wide;
    }

    public Instant time() {
        return time;
    }

    /** The rows; for a one-row update a new list of a new row on each call. */
    public List<AlpWsTicker> rows() {
        if (rows != null) {
            return rows;
        }
        long[] values = {close, baseVolume, quoteVolume, changePercent, high, low, bid, ask};
        return List.of(new AlpWsTicker(symbol, values, wide, 0));
    }

    /** The symbol of the only row, or {@code null} when there is not exactly one (routing reads it, without a row). */
    String onlySymbol() {
        return rows == null ? symbol : null;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AlpTickerUpdate that && Objects.equals(time, that.time)
                && rows().equals(that.rows());
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, rows());
    }

    @Override
    public String toString() {
        return "AlpTickerUpdate[time=" + time + ", rows=" + rows() + "]";
    }
}
