package io.exflux.api.error;

/**
 * The root of every error exflux reports. Unchecked. Carries the {@link ErrorContext} (venue, HTTP
 * status, venue code, truncated body) of the answer that caused it; its message never contains a
 * credential.
 */
public class ExchangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorContext context;

    public ExchangeException(String message) {
        this(message, null, null);
    }

    public ExchangeException(String message, ErrorContext context) {
        this(message, context, null);
    }

    public ExchangeException(String message, ErrorContext context, Throwable cause) {
        super(message, cause);
        this.context = context;
    }

    /** The venue, status, code and body behind this error; never {@code null}. */
    public ErrorContext context() {
        return context == null ? new ErrorContext(null, 0, null, null) : context;
    }

    public String venue() {
        return context().venue();
    }

    public int httpStatus() {
        return context().httpStatus();
    }

    public String venueCode() {
        return context().venueCode();
    }

    /**
     * True when the same request may succeed if sent again later (rate limits, unavailable venue,
     * timeouts). Whether it is safe to send again is a separate question: see the retry policy.
     */
    public boolean isTransient() {
        return false;
    }
}
