package io.exflux.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One raw book message from a venue, before it is applied to a book.
 *
 * @param kind             a whole book that replaces the last one, or a change to it
 * @param mode             whether the amounts are the new sizes at each price (zero deletes) or
 *                         differences to add to them
 * @param sequence         the venue's sequence number of this message, or {@code -1} when it has none
 * @param previousSequence the sequence number this message follows, or {@code -1} when the venue does
 *                         not say
 */
public record OrderBookUpdate(
        CurrencyPair pair,
        Kind kind,
        Mode mode,
        List<PriceLevel> bids,
        List<PriceLevel> asks,
        long sequence,
        long previousSequence,
        Instant timestamp) {

    /** Snapshot or delta. */
    public enum Kind { SNAPSHOT, DELTA }

    /** How the amounts of a delta are meant. */
    public enum Mode { ABSOLUTE, DIFFERENCE }

    /** Copies the sides; a snapshot carries absolute sizes. */
    public OrderBookUpdate {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timestamp, "timestamp");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
        if (kind == Kind.SNAPSHOT && mode == Mode.DIFFERENCE) {
            throw new IllegalArgumentException("a snapshot carries absolute sizes");
        }
    }
}
