package io.exflux.reactive.venue.v1.model;

import java.math.BigDecimal;

/**
 * An order of {@code /v1/orders/}, {@code /v1/orders/own/} or {@code /v1/order/<id>/}. {@code amount} is what
 * remains; {@code rawStatus} keeps the wire code (a number in lists, a string for one order).
 */
public record V1Order(long id, String pair, V1Side type, V1OrderStatus status, int rawStatus, BigDecimal price,
                      BigDecimal amount) {
}
