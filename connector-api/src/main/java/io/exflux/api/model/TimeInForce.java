package io.exflux.api.model;

/** How long a limit order stays on the book. */
public enum TimeInForce {
    /** Good till cancelled. */
    GTC,
    /** Immediate or cancel: what does not fill at once is cancelled. */
    IOC,
    /** Fill or kill: all at once, or nothing. */
    FOK
}
