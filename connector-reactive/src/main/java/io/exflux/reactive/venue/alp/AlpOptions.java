package io.exflux.reactive.venue.alp;

import io.exflux.api.config.Credentials;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.venue.alp.model.AlpWalletType;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Immutable settings of an ALP client. Start from {@link #builder()} (or {@link #defaults()}), change a
 * copy with {@link #mutate()}. Every default is a public constant. Credentials are optional: without
 * them the public endpoints and channels work and the private ones fail with
 * {@code AuthenticationException}.
 */
public final class AlpOptions {

    /**
     * REST base. The document says {@code https://alp.com/api/v3/}, which answers with a redirect that
     * breaks signed POSTs; the official client and we use {@code www.} (inconsistency 6.3.6).
     */
    public static final URI DEFAULT_REST_URL = URI.create("https://www.alp.com/api/v3");
    /** Websocket endpoint, as documented (the official client's {@code /alp-ws} is a setting away). */
    public static final URI DEFAULT_WS_URL = URI.create("wss://www.alp.com/ws");
    /** ALP publishes no limit: 10 public calls a second is our conservative default. */
    public static final RateLimit DEFAULT_PUBLIC_RATE_LIMIT = RateLimit.perSecond(10);
    /** ALP publishes no limit: 5 private calls a second is our conservative default. */
    public static final RateLimit DEFAULT_PRIVATE_RATE_LIMIT = RateLimit.perSecond(5);
    /** How long one REST attempt may take before it is a {@code RequestTimeoutException}. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** How many times an idempotent call is retried on a transient failure (orders never are). */
    public static final int DEFAULT_MAX_RETRIES = 3;
    /** The first retry delay; doubles each attempt, with jitter. */
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(200);
    /** Renew the JWT this long before its {@code exp} (less for short-lived tokens: a fifth of their life). */
    public static final Duration DEFAULT_TOKEN_REFRESH_MARGIN = Duration.ofSeconds(60);
    /** How long the market list ({@code GET /pairs}) used to validate orders is kept. */
    public static final Duration DEFAULT_PAIRS_CACHE_TTL = Duration.ofMinutes(5);
    /** Levels a side of the REST book that seeds {@code watchOrderBook} (the venue sends at most 20). */
    public static final int DEFAULT_BOOK_SNAPSHOT_DEPTH = 20;

    private final URI restUrl;
    private final URI wsUrl;
    private final Credentials credentials;
    private final RateLimit publicRateLimit;
    private final RateLimit privateRateLimit;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final Duration tokenRefreshMargin;
    private final Duration pairsCacheTtl;
    private final AlpWalletType walletType;
    private final int bookSnapshotDepth;
    private final StreamOptions streamOptions;
    private final Scheduler scheduler;

    private AlpOptions(Builder b) {
        this.restUrl = b.restUrl;
        this.wsUrl = b.wsUrl;
        this.credentials = b.credentials;
        this.publicRateLimit = b.publicRateLimit;
        this.privateRateLimit = b.privateRateLimit;
        this.requestTimeout = b.requestTimeout;
        this.maxRetries = b.maxRetries;
        this.retryBackoff = b.retryBackoff;
        this.tokenRefreshMargin = b.tokenRefreshMargin;
        this.pairsCacheTtl = b.pairsCacheTtl;
        this.walletType = b.walletType;
        this.bookSnapshotDepth = b.bookSnapshotDepth;
        this.streamOptions = b.streamOptions;
        this.scheduler = b.scheduler;
    }

    /** Every default, no credentials. */
    public static AlpOptions defaults() {
        return builder().build();
    }

    /** A builder holding every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder mutate() {
        Builder b = new Builder();
        b.restUrl = restUrl;
        b.wsUrl = wsUrl;
        b.credentials = credentials;
        b.publicRateLimit = publicRateLimit;
        b.privateRateLimit = privateRateLimit;
        b.requestTimeout = requestTimeout;
        b.maxRetries = maxRetries;
        b.retryBackoff = retryBackoff;
        b.tokenRefreshMargin = tokenRefreshMargin;
        b.pairsCacheTtl = pairsCacheTtl;
        b.walletType = walletType;
        b.bookSnapshotDepth = bookSnapshotDepth;
        b.streamOptions = streamOptions;
        b.scheduler = scheduler;
        return b;
    }

    /** The REST base ({@link #DEFAULT_REST_URL}). */
    public URI restUrl() {
        return restUrl;
    }

    /** The websocket endpoint ({@link #DEFAULT_WS_URL}). */
    public URI wsUrl() {
        return wsUrl;
    }

    /** The API key and secret, or {@code null} for public use only. */
    public Credentials credentials() {
        return credentials;
    }

    /** The limit of public calls, or {@code null} for none ({@link #DEFAULT_PUBLIC_RATE_LIMIT}). */
    public RateLimit publicRateLimit() {
        return publicRateLimit;
    }

    /** The limit of private calls, or {@code null} for none ({@link #DEFAULT_PRIVATE_RATE_LIMIT}). */
    public RateLimit privateRateLimit() {
        return privateRateLimit;
    }

    /** How long one REST attempt may take ({@link #DEFAULT_REQUEST_TIMEOUT}). */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Retries of an idempotent call on a transient failure ({@link #DEFAULT_MAX_RETRIES}); orders never. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The first retry delay ({@link #DEFAULT_RETRY_BACKOFF}). */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    /** How long before its expiry the JWT is renewed ({@link #DEFAULT_TOKEN_REFRESH_MARGIN}). */
    public Duration tokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    /** How long the market list that validates orders is kept ({@link #DEFAULT_PAIRS_CACHE_TTL}). */
    public Duration pairsCacheTtl() {
        return pairsCacheTtl;
    }

    /** The wallet unified orders are placed on ({@code SPOT} by default). */
    public AlpWalletType walletType() {
        return walletType;
    }

    /** Levels a side of the REST book that seeds {@code watchOrderBook} ({@link #DEFAULT_BOOK_SNAPSHOT_DEPTH}). */
    public int bookSnapshotDepth() {
        return bookSnapshotDepth;
    }

    /** Reconnect, backoff, grace and overflow settings of the websocket streams. */
    public StreamOptions streamOptions() {
        return streamOptions;
    }

    /** The scheduler of every timer (rate limits, retries, token expiry). */
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public String toString() {
        return "AlpOptions[restUrl=" + restUrl + ", wsUrl=" + wsUrl + ", credentials=" + credentials
                + ", publicRateLimit=" + publicRateLimit + ", privateRateLimit=" + privateRateLimit
                + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries + ", walletType=" + walletType
                + "]";
    }

    /** Builds {@link AlpOptions}. */
    public static final class Builder {
        private URI restUrl = DEFAULT_REST_URL;
        private URI wsUrl = DEFAULT_WS_URL;
        private Credentials credentials;
        private RateLimit publicRateLimit = DEFAULT_PUBLIC_RATE_LIMIT;
        private RateLimit privateRateLimit = DEFAULT_PRIVATE_RATE_LIMIT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
        private Duration tokenRefreshMargin = DEFAULT_TOKEN_REFRESH_MARGIN;
        private Duration pairsCacheTtl = DEFAULT_PAIRS_CACHE_TTL;
        private AlpWalletType walletType = AlpWalletType.SPOT;
        private int bookSnapshotDepth = DEFAULT_BOOK_SNAPSHOT_DEPTH;
        private StreamOptions streamOptions = StreamOptions.defaults();
        private Scheduler scheduler = Schedulers.parallel();

        private Builder() {
        }

        /** The REST base, e.g. {@code https://www.alp.com/api/v3} (no trailing slash needed). */
        public Builder restUrl(URI value) {
            this.restUrl = Objects.requireNonNull(value, "restUrl");
            return this;
        }

        /** The REST base, as text. */
        public Builder restUrl(String value) {
            return restUrl(URI.create(value));
        }

        /** The websocket endpoint. */
        public Builder wsUrl(URI value) {
            this.wsUrl = Objects.requireNonNull(value, "wsUrl");
            return this;
        }

        /** The websocket endpoint, as text. */
        public Builder wsUrl(String value) {
            return wsUrl(URI.create(value));
        }

        /** The API key and secret; {@code null} for public use only. */
        public Builder credentials(Credentials value) {
            this.credentials = value;
            return this;
        }

        /** The limit of public calls; {@code null} for none. */
        public Builder publicRateLimit(RateLimit value) {
            this.publicRateLimit = value;
            return this;
        }

        /** The limit of private calls; {@code null} for none. */
        public Builder privateRateLimit(RateLimit value) {
            this.privateRateLimit = value;
            return this;
        }

        /** How long one REST attempt may take (positive). */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        /** Retries of an idempotent call (0 or more). */
        public Builder maxRetries(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative: " + value);
            }
            this.maxRetries = value;
            return this;
        }

        /** The first retry delay (positive). */
        public Builder retryBackoff(Duration value) {
            this.retryBackoff = positive(value, "retryBackoff");
            return this;
        }

        /** How long before its expiry the JWT is renewed. */
        public Builder tokenRefreshMargin(Duration value) {
            this.tokenRefreshMargin = Objects.requireNonNull(value, "tokenRefreshMargin");
            return this;
        }

        /** How long the market list is kept. */
        public Builder pairsCacheTtl(Duration value) {
            this.pairsCacheTtl = Objects.requireNonNull(value, "pairsCacheTtl");
            return this;
        }

        /** The wallet unified orders are placed on (a known wallet). */
        public Builder walletType(AlpWalletType value) {
            if (value == null || value == AlpWalletType.UNKNOWN) {
                throw new IllegalArgumentException("walletType must be a known wallet: " + value);
            }
            this.walletType = value;
            return this;
        }

        /** Levels a side of the seeding REST book (positive). */
        public Builder bookSnapshotDepth(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("bookSnapshotDepth must be positive: " + value);
            }
            this.bookSnapshotDepth = value;
            return this;
        }

        /** The websocket streams' settings. */
        public Builder streamOptions(StreamOptions value) {
            this.streamOptions = Objects.requireNonNull(value, "streamOptions");
            return this;
        }

        /** The scheduler that times retries, token renewal and streams (a virtual-time one in tests). */
        public Builder scheduler(Scheduler value) {
            this.scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /** The options. */
        public AlpOptions build() {
            return new AlpOptions(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
