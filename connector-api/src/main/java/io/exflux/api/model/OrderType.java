package io.exflux.api.model;

/** The kind of an order as the venue reports it; {@link #UNKNOWN} keeps a stream alive on new venue values. */
public enum OrderType {
    LIMIT,
    MARKET,
    STOP_LIMIT,
    STOP_MARKET,
    UNKNOWN
}
