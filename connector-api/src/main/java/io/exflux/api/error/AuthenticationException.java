package io.exflux.api.error;

/** The venue did not accept the credentials or the signature (401, or a venue code that says so). */
public class AuthenticationException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, ErrorContext context) {
        super(message, context);
    }

    public AuthenticationException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
