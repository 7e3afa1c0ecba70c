package io.exflux.api.error;

/** The account cannot pay for the order or withdrawal. */
public class InsufficientFundsException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    public InsufficientFundsException(String message) {
        super(message);
    }

    public InsufficientFundsException(String message, ErrorContext context) {
        super(message, context);
    }

    public InsufficientFundsException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
