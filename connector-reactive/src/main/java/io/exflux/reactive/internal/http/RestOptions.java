package io.exflux.reactive.internal.http;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.HttpOptions;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.config.RetryOptions;
import io.exflux.reactive.config.VenueOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@link RestClient} is built from: a venue's {@link VenueOptions} (timeouts, retry, rate limits) put
 * together with its base URL, its API key (which rate-limit buckets it shares) and the {@link ClientResources}
 * it runs on. Without resources the client creates its own and closes them with itself.
 *
 * <pre>{@code
 * RestOptions options = RestOptions.from(alpOptions, "alp", "https://www.alp.com/api/v3").build();
 * }</pre>
 */
public final class RestOptions {

    /** Default venue name used in error contexts. */
    public static final String DEFAULT_VENUE = "unknown";

    private final String venue;
    private final String baseUrl;
    private final HttpOptions http;
    private final RetryOptions retry;
    private final Map<String, RateLimit> rateLimits;
    private final RateLimit defaultRateLimit;
    private final ClientResources resources;
    private final String apiKey;

    private RestOptions(Builder b) {
        this.venue = b.venue;
        this.baseUrl = b.baseUrl;
        this.http = b.http.build();
        this.retry = b.retry.build();
        this.rateLimits = Map.copyOf(b.rateLimits);
        this.defaultRateLimit = b.defaultRateLimit;
        this.resources = b.resources;
        this.apiKey = b.apiKey;
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding a venue's core settings, its resources and API key. */
    public static Builder from(VenueOptions options, String venue, String baseUrl) {
        Builder b = new Builder().venue(venue).baseUrl(baseUrl);
        b.http = options.http().mutate();
        b.retry = options.retry().mutate();
        b.rateLimits.putAll(options.rateLimits());
        b.resources = options.resources().orElse(null);
        b.apiKey = options.credentials() == null ? null : options.credentials().apiKey();
        return b;
    }

    /** A builder starting from these options. */
    public Builder mutate() {
        Builder b = new Builder();
        b.venue = venue;
        b.baseUrl = baseUrl;
        b.http = http.mutate();
        b.retry = retry.mutate();
        b.rateLimits.putAll(rateLimits);
        b.defaultRateLimit = defaultRateLimit;
        b.resources = resources;
        b.apiKey = apiKey;
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

    /** Timeouts and the settings of a pool the client creates for itself. */
    public HttpOptions http() {
        return http;
    }

    /** The time allowed to open a connection. */
    public Duration connectTimeout() {
        return http.connectTimeout();
    }

    /** The longest silence allowed while waiting for or reading an answer. */
    public Duration responseTimeout() {
        return http.responseTimeout();
    }

    /** The longest time one attempt may take in all, however steadily its answer trickles in. */
    public Duration attemptTimeout() {
        return http.attemptTimeout();
    }

    /** The largest answer body read, in bytes. */
    public int maxResponseBodySize() {
        return http.maxResponseBodySize();
    }

    /** The longest a call waits for its rate-limit permit. */
    public Duration maxRateLimitWait() {
        return http.maxRateLimitWait();
    }

    /** The most attempts per call, the first included; 1 disables retries. */
    public int maxAttempts() {
        return retry.maxAttempts();
    }

    /** The wait before each further attempt. */
    public Backoff backoff() {
        return retry.backoff();
    }

    /** The longest {@code Retry-After} a retry waits for. */
    public Duration maxRetryAfter() {
        return retry.maxRetryAfter();
    }

    /** The rate limit of each named scope. */
    public Map<String, RateLimit> rateLimits() {
        return rateLimits;
    }

    /** The rate limit of scopes not named, or {@code null} when they are not limited. */
    public RateLimit defaultRateLimit() {
        return defaultRateLimit;
    }

    /** The shared resources, or {@code null} when the client creates its own. */
    public ClientResources resources() {
        return resources;
    }

    /** The API key whose private rate-limit buckets the client shares, or {@code null}. */
    String apiKey() {
        return apiKey;
    }

    @Override
    public String toString() {
        return "RestOptions[venue=" + venue + ", baseUrl=" + baseUrl + ", " + http + ", " + retry
                + ", rateLimits=" + rateLimits.keySet() + "]";
    }

    /** Builds {@link RestOptions}; {@link #build()} checks the values (this is configuration, not a call). */
    public static final class Builder {
        private String venue = DEFAULT_VENUE;
        private String baseUrl;
        private HttpOptions.Builder http = HttpOptions.builder();
        private RetryOptions.Builder retry = RetryOptions.builder();
        private final Map<String, RateLimit> rateLimits = new LinkedHashMap<>();
        private RateLimit defaultRateLimit;
        private ClientResources resources;
        private String apiKey;

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
            http.connectTimeout(connectTimeout);
            return this;
        }

        /** The longest silence allowed while waiting for or reading an answer. */
        public Builder responseTimeout(Duration responseTimeout) {
            http.responseTimeout(responseTimeout);
            return this;
        }

        /** The longest time one attempt may take in all. */
        public Builder attemptTimeout(Duration attemptTimeout) {
            http.attemptTimeout(attemptTimeout);
            return this;
        }

        /** The largest answer body read, in bytes. */
        public Builder maxResponseBodySize(int maxResponseBodySize) {
            http.maxResponseBodySize(maxResponseBodySize);
            return this;
        }

        /** The longest a call waits for its rate-limit permit. */
        public Builder maxRateLimitWait(Duration maxRateLimitWait) {
            http.maxRateLimitWait(maxRateLimitWait);
            return this;
        }

        /** The most connections of a pool the client creates for itself. */
        public Builder maxConnections(int maxConnections) {
            http.maxConnections(maxConnections);
            return this;
        }

        /** The longest wait for a free connection of a pool the client creates for itself. */
        public Builder pendingAcquireTimeout(Duration pendingAcquireTimeout) {
            http.pendingAcquireTimeout(pendingAcquireTimeout);
            return this;
        }

        /** How long an idle connection of a pool the client creates for itself is kept. */
        public Builder maxIdleTime(Duration maxIdleTime) {
            http.maxIdleTime(maxIdleTime);
            return this;
        }

        /** The most attempts per call, the first included; 1 disables retries. */
        public Builder maxAttempts(int maxAttempts) {
            retry.maxAttempts(maxAttempts);
            return this;
        }

        /** The wait before each further attempt. */
        public Builder backoff(Backoff backoff) {
            retry.backoff(backoff);
            return this;
        }

        /** The longest {@code Retry-After} a retry waits for. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            retry.maxRetryAfter(maxRetryAfter);
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

        /** The shared resources (scheduler, pool, rate limiters); {@code null} to let the client create its own. */
        public Builder resources(ClientResources resources) {
            this.resources = resources;
            return this;
        }

        /** The API key whose private rate limits the client shares with other clients of the same resources. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
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
    }
}
