package io.exflux.reactive.venue.v1.model;

/** {@code GET /v1/currencies/}: a currency's code and sign. */
public record V1Currency(String shortName, String sign) {
}
