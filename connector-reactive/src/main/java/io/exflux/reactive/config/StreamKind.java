package io.exflux.reactive.config;

import io.exflux.reactive.config.StreamOptions;

import io.exflux.api.stream.OverflowPolicy;

/** What a topic carries, which decides its default {@link OverflowPolicy} (see {@link StreamOptions#overflowPolicy}). */
public enum StreamKind {
    /** Whole order books: latest wins, a slow subscriber sees fewer but always consistent books. */
    ORDER_BOOK,
    /** Raw book diffs: bounded buffer, then the subscriber is told to resync from a fresh snapshot. */
    BOOK_UPDATES,
    /** Tickers: latest wins. */
    TICKER,
    /** Public trades: bounded buffer, then that subscriber fails with an overflow error. */
    TRADES,
    /** Private streams (orders, fills, balances): bounded buffer, then that subscriber fails. */
    PRIVATE,
    /** Anything else: bounded buffer, then that subscriber fails. */
    OTHER
}
