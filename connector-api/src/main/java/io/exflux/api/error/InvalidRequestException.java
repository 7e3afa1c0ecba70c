package io.exflux.api.error;

/** The request is wrong: our own validation before sending, or the venue's 400. Not transient. */
public class InvalidRequestException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, ErrorContext context) {
        super(message, context);
    }

    public InvalidRequestException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
