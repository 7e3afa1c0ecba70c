package io.exflux.reactive.venue.alp.model;

import java.math.BigDecimal;

/** One element of an {@code r} frame: {@code [rate, base, quote]}. */
public record AlpRate(BigDecimal rate, String base, String quote) {
}
