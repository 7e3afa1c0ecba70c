package io.exflux.reactive.venue.alp.internal;

import io.exflux.api.model.OrderBookUpdate;
import io.exflux.reactive.internal.book.ScaledBookFrame;
import io.exflux.reactive.internal.book.ScaledBookUpdate;
import io.exflux.reactive.internal.book.ScaledDecimals;
import io.exflux.reactive.venue.alp.model.AlpDiff;
import io.exflux.reactive.venue.alp.model.AlpLevel;
import java.util.List;

/**
 * ALP book messages as {@link ScaledBookFrame}s, for {@code watchOrderBook}: a {@code d} frame goes into the book's
 * reused scaled update as the quantity differences it carries, without the {@code OrderBookUpdate} of
 * {@link AlpMapper#diff} (its pair looked up again, its level lists and records). The topic it came on already
 * names the book's pair. The same update as {@code AlpMapper.diff}, level for level.
 */
public final class AlpScaledFrames {

    private AlpScaledFrames() {
    }

    /** The diff as a frame of quantity differences, asks and bids as sent. */
    public static ScaledBookFrame diff(AlpDiff diff) {
        return (into, priceScale, amountScale) -> {
            into.reset(OrderBookUpdate.Kind.DELTA, OrderBookUpdate.Mode.DIFFERENCE, -1, -1, diff.time());
            add(into, diff.bids(), true, priceScale, amountScale);
            add(into, diff.asks(), false, priceScale, amountScale);
        };
    }

    private static void add(ScaledBookUpdate into, List<AlpLevel> levels, boolean bids, int priceScale,
                            int amountScale) {
        for (int i = 0, n = levels.size(); i < n; i++) {
            AlpLevel level = levels.get(i);
            long price = ScaledDecimals.toScaled(level.price(), priceScale, "price");
            long amount = ScaledDecimals.toScaled(level.amount(), amountScale, "amount");
            if (bids) {
                into.addBid(price, amount);
            } else {
                into.addAsk(price, amount);
            }
        }
    }
}
