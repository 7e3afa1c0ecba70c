package io.exflux.api.error;

import java.time.Duration;

/** The venue said slow down (429, or a venue code that says so). Transient. */
public class RateLimitedException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** A rate-limit error; {@code retryAfter} is the wait the venue asked for, or {@code null}. */
    public RateLimitedException(String message, ErrorContext context, Duration retryAfter) {
        super(message, context);
        this.retryAfter = retryAfter;
    }

    /** How long the venue asked us to wait, or {@code null} when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
