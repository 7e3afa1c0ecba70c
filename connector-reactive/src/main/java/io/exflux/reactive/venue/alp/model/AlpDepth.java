package io.exflux.reactive.venue.alp.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code ["p", time, {"Asks","Bids","Symbol","TotalAsks","TotalBids"}]}: a whole book of up to 20
 * levels a side that replaces the previous one. Totals are passed on as sent (the document's example
 * does not add up, docs/venues/alp.md, drift 13); nothing relies on them.
 */
public record AlpDepth(Instant time, String symbol, List<AlpLevel> asks, List<AlpLevel> bids,
                       BigDecimal totalAsks, BigDecimal totalBids) implements AlpMessage {

    public AlpDepth {
        asks = List.copyOf(asks);
        bids = List.copyOf(bids);
    }
}
