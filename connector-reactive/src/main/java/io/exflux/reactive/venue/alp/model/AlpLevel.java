package io.exflux.reactive.venue.alp.model;

import java.math.BigDecimal;

/** A websocket book level {@code [price, quantity]}. */
public record AlpLevel(BigDecimal price, BigDecimal amount) {
}
