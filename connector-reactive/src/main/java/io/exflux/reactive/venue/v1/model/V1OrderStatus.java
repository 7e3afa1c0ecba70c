package io.exflux.reactive.venue.v1.model;

/** Order status codes: 1 active, 2 canceled, 3 done; others are {@link #UNKNOWN}. Sent as a number or a string. */
public enum V1OrderStatus {
    ACTIVE(1), CANCELED(2), DONE(3), UNKNOWN(-1);

    private final int code;

    V1OrderStatus(int code) {
        this.code = code;
    }

    /** The wire code. */
    public int code() {
        return code;
    }

    /** The status of a wire code. */
    public static V1OrderStatus of(int code) {
        return switch (code) {
            case 1 -> ACTIVE;
            case 2 -> CANCELED;
            case 3 -> DONE;
            default -> UNKNOWN;
        };
    }
}
