package io.exflux.api.error;

/** The order, pair or resource does not exist (404, or a venue code that says so). */
public class NotFoundException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, ErrorContext context) {
        super(message, context);
    }

    public NotFoundException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
