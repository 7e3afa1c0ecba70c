package io.exflux.api.error;

/** The order, pair or resource does not exist (404, or a venue code that says so). */
public class NotFoundException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    /** An error with this message and no venue answer behind it (a local check). */
    public NotFoundException(String message) {
        super(message);
    }

    /** An error with this message and the venue answer behind it ({@code context} may be {@code null}). */
    public NotFoundException(String message, ErrorContext context) {
        super(message, context);
    }

    /** An error with this message, the venue answer behind it (may be {@code null}) and the underlying failure. */
    public NotFoundException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
