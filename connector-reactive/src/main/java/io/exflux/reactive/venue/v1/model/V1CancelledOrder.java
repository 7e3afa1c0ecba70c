package io.exflux.reactive.venue.v1.model;

/** {@code POST /v1/order-cancel/}: the id of the order cancelled, {@code {"order": 63568}}. */
public record V1CancelledOrder(long order) {
}
