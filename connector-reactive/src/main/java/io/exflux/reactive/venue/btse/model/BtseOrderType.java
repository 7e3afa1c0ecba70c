package io.exflux.reactive.venue.btse.model;

/** The {@code type} of a placement. */
public enum BtseOrderType {
    LIMIT,
    MARKET,
    /** One-cancels-the-other: a limit order and a stop (or trigger) order; the answer has two rows. */
    OCO,
    /** Pegged to the market with a {@code deviation} in percent (−10 to 10). */
    PEG
}
