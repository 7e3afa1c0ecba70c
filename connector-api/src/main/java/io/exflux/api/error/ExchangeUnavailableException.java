package io.exflux.api.error;

/** The venue is down, overloaded or in maintenance (5xx), or the connection failed. Transient. */
public class ExchangeUnavailableException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    /** An error with this message and no venue answer behind it (a local check). */
    public ExchangeUnavailableException(String message) {
        super(message);
    }

    /** An error with this message and the venue answer behind it ({@code context} may be {@code null}). */
    public ExchangeUnavailableException(String message, ErrorContext context) {
        super(message, context);
    }

    /** An error with this message, the venue answer behind it (may be {@code null}) and the underlying failure. */
    public ExchangeUnavailableException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
