package io.exflux.reactive.venue.alp.model;

import java.util.Locale;

/**
 * An order or trade side. ALP spells it four ways (docs/venues/alp.md, drift 3): {@code BUY}/{@code SELL}
 * (constants, place order, account trades), {@code BID}/{@code ASK} (orders, {@code o} frames),
 * lower-case {@code buy}/{@code sell} (public trades). All read here; we send the documented
 * {@code BUY}/{@code SELL}.
 */
public enum AlpSide {
    BUY,
    SELL,
    /** A spelling we do not know; the record that carried it keeps the raw text. */
    UNKNOWN;

    /** Reads any ALP spelling; {@code UNKNOWN} for anything else (never an exception). */
    public static AlpSide of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        // every public trade spells it so: no trimmed, upper-case copy of the text per trade
        if (raw.equals("buy")) {
            return BUY;
        }
        if (raw.equals("sell")) {
            return SELL;
        }
        switch (raw.trim().toUpperCase(Locale.ROOT)) {
            case "BUY":
            case "BID":
                return BUY;
            case "SELL":
            case "ASK":
                return SELL;
            default:
                return UNKNOWN;
        }
    }
}
