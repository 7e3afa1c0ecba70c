package io.exflux.reactive.venue.v1.model;

/** An order's {@code type}: {@code buy} or {@code sell}; anything else is {@link #UNKNOWN}. */
public enum V1Side {
    BUY, SELL, UNKNOWN;

    /** The wire word, {@code buy} or {@code sell}. */
    public String wireValue() {
        if (this == UNKNOWN) {
            throw new IllegalStateException("UNKNOWN has no wire value");
        }
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The side of a wire word, case-insensitive; {@link #UNKNOWN} for anything else. */
    public static V1Side of(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "buy" -> BUY;
            case "sell" -> SELL;
            default -> UNKNOWN;
        };
    }
}
