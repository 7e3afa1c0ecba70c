package io.exflux.reactive.internal.http;

import io.exflux.reactive.config.RateLimit;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Immutable settings of a {@link RestClient}: where to connect, timeouts, pool size, retry and rate limits.
 * Build with {@link #builder()}, change a copy with {@link #mutate()}; every default is a public constant.
 *
 * <pre>{@code
 * RestOptions options = RestOptions.builder()
 *         .venue("alp")
 *         .baseUrl("https://alp.com")
 *         .rateLimit("public", RateLimit.perSecond(100))
 *         .rateLimit("private", RateLimit.perSecond(2))
 *         .build();
 * }</pre>
 */
public final class RestOptions {

    /** Default venue name used in error contexts. */
    public static final String DEFAULT_VENUE = "unknown";
    /** Default time to open a TCP connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default longest silence while waiting for or reading an answer. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /** Default most connections to one host. */
    public static final int DEFAULT_MAX_CONNECTIONS = 50;
    /** Default longest wait for a free pooled connection. */
    public static final Duration DEFAULT_PENDING_ACQUIRE_TIMEOUT = Duration.ofSeconds(10);
    /** Default time an idle pooled connection is kept. */
    public static final Duration DEFAULT_MAX_IDLE_TIME = Duration.ofSeconds(30);
    /** Default most attempts per call, the first included. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Default delay before the first retry; doubled for each further retry. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);
    /** Default cap of the exponential backoff. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);
    /** Default jitter: each backoff is multiplied by a random factor in {@code [1 - jitter, 1 + jitter]}. */
    public static final double DEFAULT_JITTER = 0.5;
    /** Default longest {@code Retry-After} honoured by a retry; a longer one surfaces as a rate-limit error. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private final String venue;
    private final String baseUrl;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxConnections;
    private final Duration pendingAcquireTimeout;
    private final Duration maxIdleTime;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final Map<String, RateLimit> rateLimits;
    private final RateLimit defaultRateLimit;
    private final Scheduler scheduler;
    private final Clock clock;

    private RestOptions(Builder b) {
        this.venue = b.venue;
        this.baseUrl = b.baseUrl;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.maxConnections = b.maxConnections;
        this.pendingAcquireTimeout = b.pendingAcquireTimeout;
        this.maxIdleTime = b.maxIdleTime;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.jitter = b.jitter;
        this.maxRetryAfter = b.maxRetryAfter;
        this.rateLimits = Map.copyOf(b.rateLimits);
        this.defaultRateLimit = b.defaultRateLimit;
        this.scheduler = b.scheduler;
        this.clock = b.clock;
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder mutate() {
        Builder b = new Builder();
        b.venue = venue;
        b.baseUrl = baseUrl;
        b.connectTimeout = connectTimeout;
        b.responseTimeout = responseTimeout;
        b.maxConnections = maxConnections;
        b.pendingAcquireTimeout = pendingAcquireTimeout;
        b.maxIdleTime = maxIdleTime;
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.jitter = jitter;
        b.maxRetryAfter = maxRetryAfter;
        b.rateLimits.putAll(rateLimits);
        b.defaultRateLimit = defaultRateLimit;
        b.scheduler = scheduler;
        b.clock = clock;
        return b;
    }

    /** The venue name put into error contexts. */
    public String venue() {
        return venue;
    }

    /** The base URL, e.g. {@code https://api.btse.com/spot}, without trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The time allowed to open a connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The longest silence allowed while waiting for or reading an answer. */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** The most pooled connections. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The longest wait for a free pooled connection. */
    public Duration pendingAcquireTimeout() {
        return pendingAcquireTimeout;
    }

    /** How long an idle pooled connection is kept. */
    public Duration maxIdleTime() {
        return maxIdleTime;
    }

    /** The most attempts per call, the first included; 1 disables retries. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The delay before the first retry. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The cap of the exponential backoff. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The jitter factor in {@code [0, 1]}. */
    public double jitter() {
        return jitter;
    }

    /** The longest {@code Retry-After} a retry waits for. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** The rate limit of each named scope. */
    public Map<String, RateLimit> rateLimits() {
        return rateLimits;
    }

    /** The rate limit of scopes not named, or {@code null} when they are not limited. */
    public RateLimit defaultRateLimit() {
        return defaultRateLimit;
    }

    /** The scheduler that times backoff and rate-limit waits. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The wall clock (absolute {@code Retry-After} values). */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "RestOptions[venue=" + venue + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout
                + ", responseTimeout=" + responseTimeout + ", maxConnections=" + maxConnections
                + ", maxAttempts=" + maxAttempts + ", rateLimits=" + rateLimits.keySet() + "]";
    }

    /** Builds {@link RestOptions}; {@link #build()} checks the values (this is configuration, not a call). */
    public static final class Builder {
        private String venue = DEFAULT_VENUE;
        private String baseUrl;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Duration pendingAcquireTimeout = DEFAULT_PENDING_ACQUIRE_TIMEOUT;
        private Duration maxIdleTime = DEFAULT_MAX_IDLE_TIME;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private double jitter = DEFAULT_JITTER;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private final Map<String, RateLimit> rateLimits = new LinkedHashMap<>();
        private RateLimit defaultRateLimit;
        private Scheduler scheduler = Schedulers.parallel();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The venue name put into error contexts. */
        public Builder venue(String venue) {
            this.venue = venue;
            return this;
        }

        /** The base URL (scheme, host, port and an optional mount path such as {@code /spot}). */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The time allowed to open a connection. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** The longest silence allowed while waiting for or reading an answer. */
        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
            return this;
        }

        /** The most pooled connections. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** The longest wait for a free pooled connection. */
        public Builder pendingAcquireTimeout(Duration pendingAcquireTimeout) {
            this.pendingAcquireTimeout = pendingAcquireTimeout;
            return this;
        }

        /** How long an idle pooled connection is kept. */
        public Builder maxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = maxIdleTime;
            return this;
        }

        /** The most attempts per call, the first included; 1 disables retries. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The delay before the first retry and the cap of the doubling backoff. */
        public Builder backoff(Duration initialBackoff, Duration maxBackoff) {
            this.initialBackoff = initialBackoff;
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** The jitter factor in {@code [0, 1]}; 0 gives exact, predictable delays. */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /** The longest {@code Retry-After} a retry waits for. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /** The rate limit of one scope. */
        public Builder rateLimit(String scope, RateLimit limit) {
            rateLimits.put(Objects.requireNonNull(scope, "scope"), Objects.requireNonNull(limit, "limit"));
            return this;
        }

        /** The rate limit of every scope not named, or {@code null} to leave them unlimited. */
        public Builder defaultRateLimit(RateLimit limit) {
            this.defaultRateLimit = limit;
            return this;
        }

        /** The scheduler that times backoff and rate-limit waits (a virtual-time one in tests). */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** The wall clock, for absolute {@code Retry-After} values. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException when a value is missing or out of range (the message says which)
         */
        public RestOptions build() {
            Objects.requireNonNull(venue, "venue");
            checkBaseUrl(baseUrl);
            if (baseUrl.endsWith("/")) {
                baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
            }
            positive(connectTimeout, "connectTimeout");
            positive(responseTimeout, "responseTimeout");
            positive(pendingAcquireTimeout, "pendingAcquireTimeout");
            positive(maxIdleTime, "maxIdleTime");
            positive(initialBackoff, "initialBackoff");
            positive(maxBackoff, "maxBackoff");
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
            }
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be within [0, 1]: " + jitter);
            }
            Objects.requireNonNull(scheduler, "scheduler");
            Objects.requireNonNull(clock, "clock");
            return new RestOptions(this);
        }

        /**
         * An http(s) URL with a host and neither query nor fragment (paths and queries come with each request). A
         * user name and password in it are refused without showing them: the URL is part of toString and messages.
         */
        private static void checkBaseUrl(String baseUrl) {
            URI uri;
            try {
                uri = baseUrl == null ? null : new URI(baseUrl);
            } catch (URISyntaxException e) {
                // the reason and index only: the text may hold a password
                throw new IllegalArgumentException("baseUrl is not a URL: " + e.getReason() + " at index "
                        + e.getIndex());
            }
            if (uri != null && uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("baseUrl must not carry a user name or password; "
                        + "authenticate with a signer instead");
            }
            if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must be an http or https URL with a host and no query: "
                        + baseUrl);
            }
        }

        private static void positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
        }
    }
}
