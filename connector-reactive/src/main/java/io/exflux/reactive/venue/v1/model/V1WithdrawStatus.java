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
        for (V1WithdrawStatus status : values()) {
            if (status.code == code && status != UNKNOWN) {
                return status;
            }
        }
        return UNKNOWN;
    }
}
