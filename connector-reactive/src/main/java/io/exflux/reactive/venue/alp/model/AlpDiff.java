package io.exflux.reactive.venue.alp.model;

import java.time.Instant;
import java.util.List;

/**
 * {@code ["d", time, symbol, [asks, bids]]}: asks first, then bids; each level {@code [price, quantity
 * difference]} (the document's words): the amount is added to the level's size.
 */
public record AlpDiff(Instant time, String symbol, List<AlpLevel> asks, List<AlpLevel> bids) implements AlpMessage {

    public AlpDiff {
        asks = List.copyOf(asks);
        bids = List.copyOf(bids);
    }
}
