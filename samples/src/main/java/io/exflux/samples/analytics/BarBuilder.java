package io.exflux.samples.analytics;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Trade;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Folds the trades of one interval into a {@link Bar}. Immutable: each {@link #add(Trade)} returns a
 * new builder, so it works as the accumulator of {@code Flux.reduce}.
 */
final class BarBuilder {

    /** Enough digits for a VWAP of any real market; the division is the only rounding in the bar. */
    static final MathContext VWAP_PRECISION = MathContext.DECIMAL64;

    private final CurrencyPair pair;
    private final Instant openTime;
    private final Duration width;
    private final BigDecimal open;
    private final BigDecimal high;
    private final BigDecimal low;
    private final BigDecimal close;
    private final BigDecimal volume;
    private final BigDecimal quoteVolume;
    private final long trades;

    private BarBuilder(CurrencyPair pair, Instant openTime, Duration width, BigDecimal open, BigDecimal high,
                       BigDecimal low, BigDecimal close, BigDecimal volume, BigDecimal quoteVolume, long trades) {
        this.pair = pair;
        this.openTime = openTime;
        this.width = width;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.quoteVolume = quoteVolume;
        this.trades = trades;
    }

    /** A bar without trades yet, the seed of a reduction. */
    static BarBuilder empty(Duration width) {
        return new BarBuilder(null, null, width, null, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, 0);
    }

    boolean isEmpty() {
        return trades == 0;
    }

    /** A bar holding only {@code first}. */
    private static BarBuilder start(Trade first, Duration width) {
        return new BarBuilder(first.pair(), TradeAnalytics.bucket(first.timestamp(), width), width, first.price(),
                first.price(), first.price(), first.price(), first.amount(), first.price().multiply(first.amount()), 1);
    }

    BarBuilder add(Trade trade) {
        if (trades == 0) {
            return start(trade, width);
        }
        BigDecimal price = trade.price();
        return new BarBuilder(pair, openTime, width, open, high.max(price), low.min(price), price,
                volume.add(trade.amount()), quoteVolume.add(price.multiply(trade.amount())), trades + 1);
    }

    Bar build() {
        return new Bar(pair, openTime, width, open, high, low, close, volume, quoteVolume,
                quoteVolume.divide(volume, VWAP_PRECISION), trades);
    }
}
