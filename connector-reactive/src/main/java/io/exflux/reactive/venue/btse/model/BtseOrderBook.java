package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v3.2/orderbook} and {@code /orderbook/L2}: {@code buyQuote} are the bids, {@code sellQuote} the
 * asks, each in the venue's order (the mapper sorts them best first).
 */
public record BtseOrderBook(
        @JsonProperty("buyQuote") List<BtseQuote> buyQuote,
        @JsonProperty("sellQuote") List<BtseQuote> sellQuote,
        @JsonProperty("timestamp") @JsonDeserialize(using = BtseMillis.class) Instant timestamp,
        @JsonProperty("symbol") String symbol) {

    /** Missing sides are empty. */
    public BtseOrderBook {
        buyQuote = buyQuote == null ? List.of() : List.copyOf(buyQuote);
        sellQuote = sellQuote == null ? List.of() : List.copyOf(sellQuote);
    }
}
