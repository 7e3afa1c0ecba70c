package io.exflux.api.error;

/** The venue is down, overloaded or in maintenance (5xx), or the connection failed. Transient. */
public class ExchangeUnavailableException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    public ExchangeUnavailableException(String message) {
        super(message);
    }

    public ExchangeUnavailableException(String message, ErrorContext context) {
        super(message, context);
    }

    public ExchangeUnavailableException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
