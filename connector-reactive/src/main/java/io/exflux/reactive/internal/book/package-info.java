/**
 * The order-book engine: a book built from a snapshot plus updates (absolute sizes or size
 * differences, with or without sequence numbers), kept on scaled {@code long} prices and amounts, that
 * asks its owner for a new snapshot on a gap, a crossed book or an unreadable value, and hands out
 * immutable {@link io.exflux.api.model.OrderBook} views. {@link io.exflux.reactive.internal.book.OrderBookStream}
 * wraps it for a venue's {@code watchOrderBook}. Nothing here does I/O.
 */
package io.exflux.reactive.internal.book;
