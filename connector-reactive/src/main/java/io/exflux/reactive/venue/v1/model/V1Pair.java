package io.exflux.reactive.venue.v1.model;

import java.math.BigDecimal;

/** {@code GET /v1/pairs/}: a market, its price precision (decimal places) and order size bounds (base currency). */
public record V1Pair(String name, String currency1, String currency2, int pricePrecision,
                     BigDecimal minimumOrderSize, BigDecimal maximumOrderSize) {
}
