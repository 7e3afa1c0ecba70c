package io.exflux.api.error;

/**
 * The root of every error exflux reports. Unchecked. Carries the {@link ErrorContext} (venue, HTTP
 * status, venue code, truncated body) of the answer that caused it; its message never contains a
 * credential.
 */
public class ExchangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorContext context;

    /** An error with this message and no venue answer behind it (a local check). */
    public ExchangeException(String message) {
        this(message, null, null);
    }

    /** An error with this message and the venue answer behind it ({@code context} may be {@code null}). */
    public ExchangeException(String message, ErrorContext context) {
        this(message, context, null);
    }

    /** An error with this message, the venue answer behind it (may be {@code null}) and the underlying failure. */
    public ExchangeException(String message, ErrorContext context, Throwable cause) {
        super(message, cause);
        this.context = context;
    }

    /** The venue, status, code and body behind this error; never {@code null}. */
    public ErrorContext context() {
        return context == null ? new ErrorContext(null, 0, null, null) : context;
    }

    /** The venue that answered, or {@code null} when unknown. */
    public String venue() {
        return context().venue();
    }

    /** The HTTP status of the answer, or 0 when there was none (a local check, a stream, a network failure). */
    public int httpStatus() {
        return context().httpStatus();
    }

    /** The venue's own error code, or {@code null} when it gave none. */
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
