package io.exflux.reactive.venue.alp.model;

import java.time.Instant;
import java.util.List;

/** {@code ["tk", time, row...]}: the tickers that changed (topics {@code ticker.*}, {@code ticker.<PAIR>}). */
public record AlpTickerUpdate(Instant time, List<AlpWsTicker> rows) implements AlpMessage {

    public AlpTickerUpdate {
        rows = List.copyOf(rows);
    }
}
