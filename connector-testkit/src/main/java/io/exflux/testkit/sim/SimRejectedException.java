package io.exflux.testkit.sim;

/** The simulated venue refused a request; {@link #reason()} says why in venue-neutral terms. */
public final class SimRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request was refused. Each venue front maps these to its own error codes. */
    public enum Reason {
        UNKNOWN_MARKET,
        UNKNOWN_ACCOUNT,
        INVALID_AMOUNT,
        INVALID_PRICE,
        AMOUNT_TOO_SMALL,
        AMOUNT_TOO_LARGE,
        VALUE_TOO_SMALL,
        INSUFFICIENT_FUNDS,
        POST_ONLY_WOULD_TAKE,
        NO_LIQUIDITY,
        ORDER_NOT_FOUND,
        INVALID_REQUEST
    }

    private final Reason reason;

    public SimRejectedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** The reason of the refusal. */
    public Reason reason() {
        return reason;
    }
}
