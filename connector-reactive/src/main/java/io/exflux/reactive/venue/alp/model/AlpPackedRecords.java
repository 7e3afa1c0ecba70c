package io.exflux.reactive.venue.alp.model;

import io.exflux.api.model.OrderBookUpdate;
import io.exflux.reactive.internal.book.ScaledBookUpdate;
import io.exflux.reactive.internal.book.ScaledDecimals;
import io.exflux.reactive.internal.codec.PackedDecimal;
import io.exflux.reactive.venue.alp.internal.AlpModelAccess;
import java.math.BigDecimal;
import java.time.Instant;

/** The model's side of {@link AlpModelAccess}: installs itself when loaded. */
final class AlpPackedRecords implements AlpModelAccess.Records {

    static {
        AlpModelAccess.install(new AlpPackedRecords());
    }

    private AlpPackedRecords() {
    }

    @Override
    public AlpWsTrade trade(Instant time, long tradeId, String pair, long amount, BigDecimal wideAmount, long price,
                            BigDecimal widePrice, String direction) {
        return new AlpWsTrade(time, tradeId, pair, amount, wideAmount, price, widePrice, direction);
    }

    @Override
    public AlpDiff diff(Instant time, String symbol, long[] levels, BigDecimal[] wide, int askCount) {
        return new AlpDiff(time, symbol, levels, wide, askCount);
    }

    @Override
    public AlpTickerUpdate ticker(Instant time, String symbol, long[] values, BigDecimal[] wide, int from) {
        return new AlpTickerUpdate(time, symbol, values, wide, from);
    }

    @Override
    public AlpWsTicker tickerRow(String symbol, long[] values, BigDecimal[] wide, int from) {
        return new AlpWsTicker(symbol, values, wide, from);
    }

    @Override
    public String onlySymbol(AlpTickerUpdate update) {
        return update.onlySymbol();
    }

    @Override
    public void diffInto(AlpDiff diff, ScaledBookUpdate into, int priceScale, int amountScale) {
        into.reset(OrderBookUpdate.Kind.DELTA, OrderBookUpdate.Mode.DIFFERENCE, -1, -1, diff.time());
        int asks = diff.askCount();
        for (int level = 0, n = diff.levelCount(); level < n; level++) {
            long price = scaled(diff, 2 * level, priceScale, "price");
            long amount = scaled(diff, 2 * level + 1, amountScale, "amount");
            if (level < asks) {
                into.addAsk(price, amount);
            } else {
                into.addBid(price, amount);
            }
        }
    }

    private static long scaled(AlpDiff diff, int index, int scale, String what) {
        long packed = diff.packed(index);
        if (packed == PackedDecimal.NONE) {
            return ScaledDecimals.toScaled(diff.value(index), scale, what);
        }
        return ScaledDecimals.toScaled(PackedDecimal.unscaled(packed), PackedDecimal.scale(packed), scale, what);
    }
}
