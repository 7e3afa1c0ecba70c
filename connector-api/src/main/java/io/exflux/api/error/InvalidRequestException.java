package io.exflux.api.error;

/** The request is wrong: our own validation before sending, or the venue's 400. Not transient. */
public class InvalidRequestException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    /** An error with this message and no venue answer behind it (a local check). */
    public InvalidRequestException(String message) {
        super(message);
    }

    /** An error with this message and the venue answer behind it ({@code context} may be {@code null}). */
    public InvalidRequestException(String message, ErrorContext context) {
        super(message, context);
    }

    /** An error with this message, the venue answer behind it (may be {@code null}) and the underlying failure. */
    public InvalidRequestException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
