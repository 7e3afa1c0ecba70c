package io.exflux.reactive.venue.alp.model;

import java.util.Locale;

/** An order type; read case-insensitively (the document's text says lower case, its examples upper). */
public enum AlpOrderType {
    LIMIT,
    MARKET,
    STOP_LIMIT,
    STOP_MARKET,
    /** A value we do not know; the record that carried it keeps the raw text. */
    UNKNOWN;

    /** Reads any ALP spelling; {@code UNKNOWN} for anything else. */
    public static AlpOrderType of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
