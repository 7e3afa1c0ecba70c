package io.exflux.reactive.config;

import java.time.Duration;

/**
 * Immutable retry settings of a venue's REST calls. A call is sent up to {@link #maxAttempts()} times in all; the
 * wait before each further attempt comes from {@link #backoff()} (at least a 429's {@code Retry-After}, and a
 * {@code Retry-After} longer than {@link #maxRetryAfter()} ends the call with a rate-limit error). Which failures are
 * retried is not a setting: any failure that proves the venue did not act, and ambiguous failures only for
 * idempotent calls (orders and cancellations are never sent twice that way).
 */
public final class RetryOptions {

    /** Default most attempts per call, the first included: 3. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Default backoff: equal jitter over 200 ms doubling up to 5 s (half the bound, plus a random part of half). */
    public static final Backoff DEFAULT_BACKOFF = Backoff.equalJitter(Duration.ofMillis(200), Duration.ofSeconds(5));
    /** Default longest {@code Retry-After} a retry waits for: 30 s. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private static final RetryOptions DEFAULTS = new Builder().build();

    private final int maxAttempts;
    private final Backoff backoff;
    private final Duration maxRetryAfter;

    private RetryOptions(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.backoff = b.backoff;
        this.maxRetryAfter = b.maxRetryAfter;
    }

    /** Every default. */
    public static RetryOptions defaults() {
        return DEFAULTS;
    }

    /** A builder holding every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder mutate() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.backoff = backoff;
        b.maxRetryAfter = maxRetryAfter;
        return b;
    }

    /** The most attempts per call, the first included; 1 disables retries ({@link #DEFAULT_MAX_ATTEMPTS}). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The wait before each further attempt ({@link #DEFAULT_BACKOFF}). */
    public Backoff backoff() {
        return backoff;
    }

    /** The longest {@code Retry-After} a retry waits for ({@link #DEFAULT_MAX_RETRY_AFTER}). */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    @Override
    public String toString() {
        return "RetryOptions[maxAttempts=" + maxAttempts + ", backoff=" + backoff + ", maxRetryAfter="
                + maxRetryAfter + "]";
    }

    /** Builds {@link RetryOptions}; every setter checks its value. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Backoff backoff = DEFAULT_BACKOFF;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;

        private Builder() {
        }

        /** The most attempts per call, the first included (at least 1). */
        public Builder maxAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + value);
            }
            maxAttempts = value;
            return this;
        }

        /** The wait before each further attempt. */
        public Builder backoff(Backoff value) {
            backoff = Checks.present(value, "backoff");
            return this;
        }

        /** The longest {@code Retry-After} a retry waits for (zero or more). */
        public Builder maxRetryAfter(Duration value) {
            maxRetryAfter = Checks.notNegative(value, "maxRetryAfter");
            return this;
        }

        /** The options. */
        public RetryOptions build() {
            return new RetryOptions(this);
        }
    }
}
