package io.exflux.reactive.venue.alp.model;

/** When a stop order fires: last price greater than or equal to ({@code GTE}) or less than or equal to ({@code LTE}) the stop. */
public enum AlpStopOperator {
    GTE,
    LTE
}
