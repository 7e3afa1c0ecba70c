package io.exflux.samples.analytics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The running volume-weighted average price since the stream started.
 *
 * @param at          time of the last trade counted
 * @param vwap        quoteVolume / volume
 * @param volume      base amount counted so far
 * @param quoteVolume quote value counted so far
 * @param trades      trades counted so far
 */
public record Vwap(Instant at, BigDecimal vwap, BigDecimal volume, BigDecimal quoteVolume, long trades) {
}
