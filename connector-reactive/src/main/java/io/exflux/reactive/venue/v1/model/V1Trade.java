package io.exflux.reactive.venue.v1.model;

import java.math.BigDecimal;

/**
 * A trade inside a created order or a socket event: {@code tid}, the matched order {@code o_id} and its
 * {@code type} (the counter order's side, as the examples show), price and amount.
 */
public record V1Trade(long tid, V1Side type, BigDecimal price, BigDecimal amount, long orderId) {
}
