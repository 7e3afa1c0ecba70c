package io.exflux.reactive.venue.alp;

import io.exflux.api.config.Credentials;
import io.exflux.reactive.ratelimit.RateLimit;
import io.exflux.reactive.transport.ws.StreamOptions;
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

    public URI restUrl() {
        return restUrl;
    }

    public URI wsUrl() {
        return wsUrl;
    }

    /** The API key and secret, or {@code null} for public use only. */
    public Credentials credentials() {
        return credentials;
    }

    public RateLimit publicRateLimit() {
        return publicRateLimit;
    }

    public RateLimit privateRateLimit() {
        return privateRateLimit;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration retryBackoff() {
        return retryBackoff;
    }

    public Duration tokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    public Duration pairsCacheTtl() {
        return pairsCacheTtl;
    }

    /** The wallet unified orders are placed on ({@code SPOT} by default). */
    public AlpWalletType walletType() {
        return walletType;
    }

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

        public Builder restUrl(String value) {
            return restUrl(URI.create(value));
        }

        public Builder wsUrl(URI value) {
            this.wsUrl = Objects.requireNonNull(value, "wsUrl");
            return this;
        }

        public Builder wsUrl(String value) {
            return wsUrl(URI.create(value));
        }

        /** The API key and secret; {@code null} for public use only. */
        public Builder credentials(Credentials value) {
            this.credentials = value;
            return this;
        }

        public Builder publicRateLimit(RateLimit value) {
            this.publicRateLimit = value;
            return this;
        }

        public Builder privateRateLimit(RateLimit value) {
            this.privateRateLimit = value;
            return this;
        }

        public Builder requestTimeout(Duration value) {
            this.requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        public Builder maxRetries(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative: " + value);
            }
            this.maxRetries = value;
            return this;
        }

        public Builder retryBackoff(Duration value) {
            this.retryBackoff = positive(value, "retryBackoff");
            return this;
        }

        public Builder tokenRefreshMargin(Duration value) {
            this.tokenRefreshMargin = Objects.requireNonNull(value, "tokenRefreshMargin");
            return this;
        }

        public Builder pairsCacheTtl(Duration value) {
            this.pairsCacheTtl = Objects.requireNonNull(value, "pairsCacheTtl");
            return this;
        }

        public Builder walletType(AlpWalletType value) {
            if (value == null || value == AlpWalletType.UNKNOWN) {
                throw new IllegalArgumentException("walletType must be a known wallet: " + value);
            }
            this.walletType = value;
            return this;
        }

        public Builder bookSnapshotDepth(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("bookSnapshotDepth must be positive: " + value);
            }
            this.bookSnapshotDepth = value;
            return this;
        }

        public Builder streamOptions(StreamOptions value) {
            this.streamOptions = Objects.requireNonNull(value, "streamOptions");
            return this;
        }

        public Builder scheduler(Scheduler value) {
            this.scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

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
