package io.exflux.reactive.internal.book;

import io.exflux.api.error.ProtocolException;

/**
 * A venue's book message that writes itself into a {@link ScaledBookUpdate}: the way a venue feeds
 * {@link OrderBookStream} (and {@link BookFeed}) without building an {@code OrderBookUpdate} of {@code BigDecimal}
 * levels first. The stream reads each message on its own thread into one reused update of its book, so a venue
 * may hand over a frame's text, or a record it decoded anyway, and leave the scaling to this call.
 *
 * <p>The stream trusts the venue's routing for the pair: a message reaches only the book of its market.
 */
public interface ScaledBookFrame {

    /**
     * Writes this message into {@code into} ({@link ScaledBookUpdate#reset reset} first), prices and amounts
     * scaled to the given decimals.
     *
     * @throws ProtocolException when the message cannot be read, or a value has more decimals than its scale;
     *                           the book then resyncs as after any malformed update
     */
    void readInto(ScaledBookUpdate into, int priceScale, int amountScale);
}
