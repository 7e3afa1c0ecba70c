package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /orderbook}: {@code buy} = bids, best (highest) first; {@code sell} = asks, best (lowest) first. */
public record AlpOrderBook(@JsonProperty("buy") List<AlpBookEntry> buy, @JsonProperty("sell") List<AlpBookEntry> sell) {

    public AlpOrderBook {
        buy = buy == null ? List.of() : List.copyOf(buy);
        sell = sell == null ? List.of() : List.copyOf(sell);
    }
}
