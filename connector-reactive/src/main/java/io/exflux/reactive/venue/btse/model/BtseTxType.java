package io.exflux.reactive.venue.btse.model;

/** The {@code txType} of a placement: a plain order, or one that waits for a stop or trigger price. */
public enum BtseTxType {
    LIMIT,
    STOP,
    TRIGGER
}
