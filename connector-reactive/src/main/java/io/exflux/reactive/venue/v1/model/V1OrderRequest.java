package io.exflux.reactive.venue.v1.model;

import java.math.BigDecimal;

/**
 * {@code POST /v1/order/}: a limit order ({@code type}, {@code pair}, {@code amount} in the base currency,
 * {@code price} within the pair's precision). Not checked here: the REST client checks it before sending and
 * answers a bad one with an {@code InvalidRequestException} naming the rule.
 */
public record V1OrderRequest(V1Side type, String pair, BigDecimal amount, BigDecimal price) {
}
