package io.exflux.reactive.venue.alp.model;

import java.math.BigDecimal;

/**
 * One row of a {@code tk} frame: {@code [symbol, close, baseVol, quoteVol, change, high, low, bid, ask]}.
 * {@code changePercent} is in per cent, as the document names it ("Change Percent").
 */
public record AlpWsTicker(String symbol, BigDecimal close, BigDecimal baseVolume, BigDecimal quoteVolume,
                         BigDecimal changePercent, BigDecimal high, BigDecimal low, BigDecimal bid, BigDecimal ask) {
}
