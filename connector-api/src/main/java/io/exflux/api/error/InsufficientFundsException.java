package io.exflux.api.error;

/** The account cannot pay for the order or withdrawal. */
public class InsufficientFundsException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    /** An error with this message and no venue answer behind it (a local check). */
    public InsufficientFundsException(String message) {
        super(message);
    }

    /** An error with this message and the venue answer behind it ({@code context} may be {@code null}). */
    public InsufficientFundsException(String message, ErrorContext context) {
        super(message, context);
    }

    /** An error with this message, the venue answer behind it (may be {@code null}) and the underlying failure. */
    public InsufficientFundsException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
