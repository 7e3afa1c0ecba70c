package io.exflux.reactive.internal.ratelimit;

import java.time.Duration;

/**
 * A permit would come later than the caller is willing to wait: the bucket refused it at once and took nothing.
 * The REST pipeline turns it into a {@code RateLimitedException} naming the venue and the call.
 */
public final class PermitWaitTooLongException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String scope;
    private final transient Duration wait;
    private final transient Duration maxWait;

    PermitWaitTooLongException(String scope, Duration wait, Duration maxWait) {
        super("a permit of scope " + scope + " would take " + wait + ", longer than the " + maxWait + " allowed",
                null, false, false);
        this.scope = scope;
        this.wait = wait;
        this.maxWait = maxWait;
    }

    /** The scope whose permit was refused. */
    public String scope() {
        return scope;
    }

    /** How long the permit would have taken. */
    public Duration waitNeeded() {
        return wait;
    }

    /** The longest wait allowed. */
    public Duration maxWait() {
        return maxWait;
    }
}
