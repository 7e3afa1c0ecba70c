package io.exflux.api.error;

/** The venue refused the nonce (too old, reused, or out of its window). */
public class NonceException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    public NonceException(String message) {
        super(message);
    }

    public NonceException(String message, ErrorContext context) {
        super(message, context);
    }

    public NonceException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
