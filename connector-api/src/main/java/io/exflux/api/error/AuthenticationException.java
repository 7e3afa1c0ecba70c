package io.exflux.api.error;

/** The venue did not accept the credentials or the signature (401, or a venue code that says so). */
public class AuthenticationException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    /** An error with this message and no venue answer behind it (a local check). */
    public AuthenticationException(String message) {
        super(message);
    }

    /** An error with this message and the venue answer behind it ({@code context} may be {@code null}). */
    public AuthenticationException(String message, ErrorContext context) {
        super(message, context);
    }

    /** An error with this message, the venue answer behind it (may be {@code null}) and the underlying failure. */
    public AuthenticationException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
