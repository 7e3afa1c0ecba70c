package io.exflux.reactive.venue.alp.model;

import java.util.Locale;

/**
 * An order's status. The document writes {@code CANCELLED} but {@code PARTIAL_CANCELED}; the official
 * client has {@code PARTIAL_CANCELLED}, {@code UNDEFINED} and {@code EXPIRED} (docs/venues/alp.md, drift 4).
 * Both spellings of each read the same.
 */
public enum AlpOrderStatus {
    PENDING,
    OPEN,
    PARTIAL_FILLED,
    FILLED,
    CANCELLED,
    PARTIAL_CANCELLED,
    FAILED,
    EXPIRED,
    UNDEFINED,
    /** A value we do not know; the record that carried it keeps the raw text. */
    UNKNOWN;

    /** Reads any ALP spelling; {@code UNKNOWN} for anything else. */
    public static AlpOrderStatus of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        switch (raw.trim().toUpperCase(Locale.ROOT)) {
            case "PENDING":
                return PENDING;
            case "OPEN":
                return OPEN;
            case "PARTIAL_FILLED":
            case "PARTIALLY_FILLED":
                return PARTIAL_FILLED;
            case "FILLED":
                return FILLED;
            case "CANCELLED":
            case "CANCELED":
                return CANCELLED;
            case "PARTIAL_CANCELLED":
            case "PARTIAL_CANCELED":
                return PARTIAL_CANCELLED;
            case "FAILED":
                return FAILED;
            case "EXPIRED":
                return EXPIRED;
            case "UNDEFINED":
                return UNDEFINED;
            default:
                return UNKNOWN;
        }
    }
}
