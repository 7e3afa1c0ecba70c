package io.exflux.reactive.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable HTTP settings of a venue client: timeouts, the largest answer read, the longest rate-limit wait and
 * the connection pool. Build with {@link #builder()},
 * change a copy with {@link #mutate()}; every default is a public constant. Setters refuse bad values with an
 * {@link IllegalArgumentException}.
 *
 * <p>The pool settings ({@code maxConnections}, {@code pendingAcquireTimeout}, {@code maxIdleTime}) shape the pool of
 * the {@code ClientResources} a client creates for itself when it is given none. Clients that share a given
 * {@code ClientResources} share its pool, and the pool's own settings apply.
 */
public final class HttpOptions {

    /** Default time to open a TCP connection: 5 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default longest silence while waiting for or reading an answer: 10 s. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /** Default most pooled connections to one host: 50. */
    public static final int DEFAULT_MAX_CONNECTIONS = 50;
    /** Default longest wait for a free pooled connection: 10 s. */
    public static final Duration DEFAULT_PENDING_ACQUIRE_TIMEOUT = Duration.ofSeconds(10);
    /** Default time an idle pooled connection is kept: 30 s. */
    public static final Duration DEFAULT_MAX_IDLE_TIME = Duration.ofSeconds(30);
    /** Default longest time one attempt may take, from its start to the last byte of the answer: 30 s. */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
    /** Default largest answer body read: 8 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_BODY_SIZE = 8 * 1024 * 1024;
    /** Default longest wait of a call for its rate-limit permit: 30 s. */
    public static final Duration DEFAULT_MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(30);

    private static final HttpOptions DEFAULTS = new Builder().build();

    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxConnections;
    private final Duration pendingAcquireTimeout;
    private final Duration maxIdleTime;
    private final Duration attemptTimeout;
    private final int maxResponseBodySize;
    private final Duration maxRateLimitWait;

    private HttpOptions(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.maxConnections = b.maxConnections;
        this.pendingAcquireTimeout = b.pendingAcquireTimeout;
        this.maxIdleTime = b.maxIdleTime;
        this.attemptTimeout = b.attemptTimeout;
        this.maxResponseBodySize = b.maxResponseBodySize;
        this.maxRateLimitWait = b.maxRateLimitWait;
    }

    /** Every default. */
    public static HttpOptions defaults() {
        return DEFAULTS;
    }

    /** A builder holding every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder mutate() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.responseTimeout = responseTimeout;
        b.maxConnections = maxConnections;
        b.pendingAcquireTimeout = pendingAcquireTimeout;
        b.maxIdleTime = maxIdleTime;
        b.attemptTimeout = attemptTimeout;
        b.maxResponseBodySize = maxResponseBodySize;
        b.maxRateLimitWait = maxRateLimitWait;
        return b;
    }

    /** The time allowed to open a connection ({@link #DEFAULT_CONNECT_TIMEOUT}). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * The longest silence allowed while waiting for or reading an answer ({@link #DEFAULT_RESPONSE_TIMEOUT}); past
     * it the attempt fails with {@code RequestTimeoutException}. It starts again with every byte received:
     * {@link #attemptTimeout()} bounds the attempt as a whole.
     */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** The most pooled connections ({@link #DEFAULT_MAX_CONNECTIONS}). */
    public int maxConnections() {
        return maxConnections;
    }

    /** The longest wait for a free pooled connection ({@link #DEFAULT_PENDING_ACQUIRE_TIMEOUT}). */
    public Duration pendingAcquireTimeout() {
        return pendingAcquireTimeout;
    }

    /** How long an idle pooled connection is kept ({@link #DEFAULT_MAX_IDLE_TIME}). */
    public Duration maxIdleTime() {
        return maxIdleTime;
    }

    /**
     * The longest time one attempt of a call may take in all ({@link #DEFAULT_ATTEMPT_TIMEOUT}): from asking the
     * pool for a connection (so keep it above {@link #pendingAcquireTimeout()} and {@link #connectTimeout()}) to
     * the last byte of the answer, however steadily the bytes trickle in. Past it the attempt fails with
     * {@code RequestTimeoutException} (a call that may have been processed). Waiting for a rate-limit permit is
     * not part of it (see {@link #maxRateLimitWait()}).
     */
    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    /**
     * The largest answer body read, in bytes ({@link #DEFAULT_MAX_RESPONSE_BODY_SIZE}). A larger (or endless) body
     * fails the call with {@code ProtocolException} as soon as the limit is passed, and the connection is closed.
     */
    public int maxResponseBodySize() {
        return maxResponseBodySize;
    }

    /**
     * The longest a call waits for its rate-limit permit ({@link #DEFAULT_MAX_RATE_LIMIT_WAIT}). A call that would
     * wait longer fails at once with {@code RateLimitedException} carrying the wait, and takes no permit.
     */
    public Duration maxRateLimitWait() {
        return maxRateLimitWait;
    }

    @Override
    public String toString() {
        return "HttpOptions[connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", attemptTimeout=" + attemptTimeout + ", maxResponseBodySize=" + maxResponseBodySize
                + ", maxRateLimitWait=" + maxRateLimitWait
                + ", maxConnections=" + maxConnections + ", pendingAcquireTimeout=" + pendingAcquireTimeout
                + ", maxIdleTime=" + maxIdleTime + "]";
    }

    /** Builds {@link HttpOptions}; every setter checks its value. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Duration pendingAcquireTimeout = DEFAULT_PENDING_ACQUIRE_TIMEOUT;
        private Duration maxIdleTime = DEFAULT_MAX_IDLE_TIME;
        private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
        private int maxResponseBodySize = DEFAULT_MAX_RESPONSE_BODY_SIZE;
        private Duration maxRateLimitWait = DEFAULT_MAX_RATE_LIMIT_WAIT;

        private Builder() {
        }

        /** The time allowed to open a connection (positive). */
        public Builder connectTimeout(Duration value) {
            connectTimeout = Checks.positive(value, "connectTimeout");
            return this;
        }

        /** The longest silence while waiting for or reading an answer (positive). */
        public Builder responseTimeout(Duration value) {
            responseTimeout = Checks.positive(value, "responseTimeout");
            return this;
        }

        /** The most pooled connections (at least 1). */
        public Builder maxConnections(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1: " + value);
            }
            maxConnections = value;
            return this;
        }

        /** The longest wait for a free pooled connection (positive). */
        public Builder pendingAcquireTimeout(Duration value) {
            pendingAcquireTimeout = Checks.positive(value, "pendingAcquireTimeout");
            return this;
        }

        /** How long an idle pooled connection is kept (positive). */
        public Builder maxIdleTime(Duration value) {
            maxIdleTime = Checks.positive(value, "maxIdleTime");
            return this;
        }

        /** The longest time one attempt may take in all, however steadily its answer trickles in (positive). */
        public Builder attemptTimeout(Duration value) {
            attemptTimeout = Checks.positive(value, "attemptTimeout");
            return this;
        }

        /** The largest answer body read, in bytes (at least 1). */
        public Builder maxResponseBodySize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxResponseBodySize must be at least 1: " + value);
            }
            maxResponseBodySize = value;
            return this;
        }

        /** The longest a call waits for its rate-limit permit (zero or more; zero: never wait). */
        public Builder maxRateLimitWait(Duration value) {
            maxRateLimitWait = Checks.notNegative(value, "maxRateLimitWait");
            return this;
        }

        /** The options. */
        public HttpOptions build() {
            return new HttpOptions(this);
        }
    }
}
