package io.exflux.reactive.venue.v1.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order of the book, or one price level of a grouped book (then {@code id} and {@code timestamp} are
 * {@code null}).
 */
public record V1BookEntry(BigDecimal price, BigDecimal amount, Long id, Instant timestamp) {
}
