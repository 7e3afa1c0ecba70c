package io.exflux.api.error;

/**
 * No answer came in time. For a call that changes state (an order) the outcome is unknown: the venue
 * may have executed it. Transient.
 */
public class RequestTimeoutException extends ExchangeUnavailableException {

    private static final long serialVersionUID = 1L;

    /** An error with this message, the venue answer behind it (may be {@code null}) and the underlying failure. */
    public RequestTimeoutException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
