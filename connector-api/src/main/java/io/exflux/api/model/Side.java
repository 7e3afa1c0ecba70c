package io.exflux.api.model;

/** Buy or sell. Venue spellings (BID/ASK, buy/sell) are mapped at the edge. */
public enum Side {
    BUY,
    SELL;

    /** The other side: the side that trades against this one. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
