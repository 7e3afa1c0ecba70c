package io.exflux.reactive.venue.alp.model;

import java.util.Locale;

/**
 * A wallet. The document's constants and place-order table say {@code MARGIN_CROSS} /
 * {@code MARGIN_ISOLATED}; responses say {@code CROSS_MARGIN} / {@code ISOLATED_MARGIN}
 * (docs/venues/alp.md, drift 2). Both read the same; {@link #requestValue()} is the documented request spelling.
 */
public enum AlpWalletType {
    SPOT("SPOT"),
    CROSS_MARGIN("MARGIN_CROSS"),
    ISOLATED_MARGIN("MARGIN_ISOLATED"),
    FUNDING("FUNDING"),
    /** A value we do not know; the record that carried it keeps the raw text. */
    UNKNOWN(null);

    private final String requestValue;

    AlpWalletType(String requestValue) {
        this.requestValue = requestValue;
    }

    /** The spelling sent in a place-order body (the document's: {@code MARGIN_CROSS}, not {@code CROSS_MARGIN}). */
    public String requestValue() {
        return requestValue;
    }

    /** Reads any ALP spelling; {@code UNKNOWN} for anything else. */
    public static AlpWalletType of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        switch (raw.trim().toUpperCase(Locale.ROOT)) {
            case "SPOT":
                return SPOT;
            case "CROSS_MARGIN":
            case "MARGIN_CROSS":
                return CROSS_MARGIN;
            case "ISOLATED_MARGIN":
            case "MARGIN_ISOLATED":
                return ISOLATED_MARGIN;
            case "FUNDING":
                return FUNDING;
            default:
                return UNKNOWN;
        }
    }
}
