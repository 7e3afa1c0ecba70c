package io.exflux.reactive.venue.btse.model;

import io.exflux.api.model.PriceLevel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One frame of {@code snapshotL1:<SYMBOL>}: the best bid and ask (no sequence numbers).
 *
 * @param topic  the topic as the frame spelled it
 * @param bids   the best bid (one level, or none)
 * @param asks   the best ask (one level, or none)
 */
public record BtseWsL1(String topic, String symbol, List<PriceLevel> bids, List<PriceLevel> asks, Instant timestamp)
        implements BtseWsMessage {

    public BtseWsL1 {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timestamp, "timestamp");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
