package io.exflux.reactive.venue.alp.internal;

import io.exflux.reactive.internal.book.ScaledBookFrame;
import io.exflux.reactive.venue.alp.model.AlpDiff;

/**
 * ALP book messages as {@link ScaledBookFrame}s, for {@code watchOrderBook}: a {@code d} frame goes into the book's
 * reused scaled update as the quantity differences it carries, without the {@code OrderBookUpdate} of
 * {@link AlpMapper#diff} (its pair looked up again, its level lists and records, a {@code BigDecimal} per
 * value). The topic it came on already names the book's pair. The same update as {@code AlpMapper.diff}, level for
 * level.
 */
public final class AlpScaledFrames {

    private static final AlpModelAccess.Records RECORDS = AlpModelAccess.records();

    private AlpScaledFrames() {
    }

    /** The diff as a frame of quantity differences, asks and bids as sent, read from its packed levels. */
    public static ScaledBookFrame diff(AlpDiff diff) {
        return (into, priceScale, amountScale) -> RECORDS.diffInto(diff, into, priceScale, amountScale);
    }
}
