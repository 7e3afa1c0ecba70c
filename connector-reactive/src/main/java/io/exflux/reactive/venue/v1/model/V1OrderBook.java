package io.exflux.reactive.venue.v1.model;

import java.util.List;

/**
 * The order book in the one vocabulary: {@code sell} orders and {@code buy} orders, whatever keys the venue used
 * (BTC-Alpha's {@code bids} holds sell orders and its {@code asks} buy orders; see {@code docs/venues/v1.md}).
 * {@code grouped} when the entries are price levels rather than orders.
 */
public record V1OrderBook(List<V1BookEntry> sell, List<V1BookEntry> buy, boolean grouped) {
    public V1OrderBook {
        sell = List.copyOf(sell);
        buy = List.copyOf(buy);
    }
}
