package io.exflux.reactive.venue.v1.model;

/** Withdraw status codes: 10 new, 20 verified, 30 approved, 40 refused, 50 canceled; others {@link #UNKNOWN}. */
public enum V1WithdrawStatus {
    NEW(10), VERIFIED(20), APPROVED(30), REFUSED(40), CANCELED(50), UNKNOWN(-1);

    private final int code;

    V1WithdrawStatus(int code) {
        this.code = code;
    }

    /** The wire code. */
    public int code() {
        return code;
    }

    /** The status of a wire code. */
    public static V1WithdrawStatus of(int code) {
        return switch (code) {
            case 10 -> NEW;
            case 20 -> VERIFIED;
            case 30 -> APPROVED;
            case 40 -> REFUSED;
            case 50 -> CANCELED;
            default -> UNKNOWN;
        };
    }
}
