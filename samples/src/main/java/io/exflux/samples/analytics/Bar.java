package io.exflux.samples.analytics;

import io.exflux.api.model.CurrencyPair;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One OHLCV bar built from trades.
 *
 * @param openTime    start of the bar's interval
 * @param width       the interval's length
 * @param volume      base amount traded
 * @param quoteVolume quote value traded (price times amount, summed)
 * @param vwap        volume-weighted average price: quoteVolume / volume
 * @param trades      how many trades made the bar
 */
public record Bar(CurrencyPair pair, Instant openTime, Duration width, BigDecimal open, BigDecimal high,
                  BigDecimal low, BigDecimal close, BigDecimal volume, BigDecimal quoteVolume, BigDecimal vwap,
                  long trades) {
}
