package io.exflux.reactive.venue.btse.model;

import io.exflux.api.model.Side;

/** BTSE's side texts ({@code BUY}, {@code SELL}, any case) as the unified {@link Side}. */
final class BtseWsSides {

    private BtseWsSides() {
    }

    /** The side, or {@code null} for any other text. */
    static Side of(String side) {
        if ("BUY".equalsIgnoreCase(side)) {
            return Side.BUY;
        }
        if ("SELL".equalsIgnoreCase(side)) {
            return Side.SELL;
        }
        return null;
    }
}
