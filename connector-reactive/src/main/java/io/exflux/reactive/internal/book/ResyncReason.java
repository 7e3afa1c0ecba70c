package io.exflux.reactive.internal.book;

/** Why a book cannot go on from its current state and needs a fresh snapshot. */
public enum ResyncReason {
    /** A sequence number is missing or goes backwards: an update was lost or arrived out of order. */
    SEQUENCE_GAP,
    /** After an update the best bid is at or above the best ask, which a consistent book never is. */
    CROSSED_BOOK,
    /** A value could not be applied exactly: too many decimals, too large, or a negative absolute size. */
    INVALID_UPDATE,
    /** More updates arrived while waiting for a snapshot than the engine may buffer. */
    BUFFER_OVERFLOW
}
