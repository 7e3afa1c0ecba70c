package io.exflux.api.model;

/**
 * The life-cycle state of an order. A partially filled order that was then cancelled is
 * {@link #CANCELED} with a non-zero filled amount. {@link #UNKNOWN} stands for a venue value we do not
 * know; the order keeps the raw text.
 */
public enum OrderStatus {
    /** Accepted by the venue, not yet on the book (or the venue did not say). */
    PENDING,
    OPEN,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    EXPIRED,
    REJECTED,
    UNKNOWN;

    /** True when the order can no longer trade. */
    public boolean isFinal() {
        return this == FILLED || this == CANCELED || this == EXPIRED || this == REJECTED;
    }
}
