package io.exflux.api.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar.
 *
 * @param openTime    start of the bar
 * @param volume      traded amount in base currency
 * @param quoteVolume traded value in quote currency, or {@code null} when the venue does not send it
 */
public record Candle(
        CurrencyPair pair,
        CandleInterval interval,
        Instant openTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        BigDecimal quoteVolume) {

    /** Every field is required; the volume is not negative. */
    public Candle {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Decimals.nonNegative(volume, "volume");
    }
}
