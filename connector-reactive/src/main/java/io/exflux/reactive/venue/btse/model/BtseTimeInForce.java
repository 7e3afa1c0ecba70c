package io.exflux.reactive.venue.btse.model;

/** Every documented {@code time_in_force}: the three usual ones and BTSE's timed ones. */
public enum BtseTimeInForce {
    GTC,
    IOC,
    FOK,
    /** Thirty seconds. */
    HALFMIN,
    FIVEMIN,
    HOUR,
    TWELVEHOUR,
    DAY,
    WEEK,
    MONTH
}
