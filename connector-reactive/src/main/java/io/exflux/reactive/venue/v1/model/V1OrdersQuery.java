package io.exflux.reactive.venue.v1.model;

/**
 * Filters of {@code /v1/orders/} and {@code /v1/orders/own/}; {@code null} leaves a filter out (the venue's default:
 * every type, pair and status, limit 2000).
 */
public record V1OrdersQuery(V1Side type, String pair, V1OrderStatus status, Integer limit) {

    /** No filter. */
    public static final V1OrdersQuery ALL = new V1OrdersQuery(null, null, null, null);
}
