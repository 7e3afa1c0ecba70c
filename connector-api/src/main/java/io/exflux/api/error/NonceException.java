package io.exflux.api.error;

/** The venue refused the nonce (too old, reused, or out of its window). */
public class NonceException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    /** An error with this message and no venue answer behind it (a local check). */
    public NonceException(String message) {
        super(message);
    }

    /** An error with this message and the venue answer behind it ({@code context} may be {@code null}). */
    public NonceException(String message, ErrorContext context) {
        super(message, context);
    }

    /** An error with this message, the venue answer behind it (may be {@code null}) and the underlying failure. */
    public NonceException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
