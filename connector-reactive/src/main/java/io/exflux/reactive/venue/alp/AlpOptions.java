package io.exflux.reactive.venue.alp;

import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.config.VenueOptions;
import io.exflux.reactive.venue.alp.model.AlpWalletType;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of an ALP client: the core every venue shares ({@link VenueOptions}: REST and websocket URLs,
 * resources, credentials, timeouts, retry, rate limits by scope, streams) plus ALP's defaults and extras. Start from
 * {@link #builder()} (or {@link #defaults()}), change a copy with {@link #mutate()}. Every default is a public
 * constant. Credentials are optional: without them the public endpoints and channels work and the private ones fail
 * with {@code AuthenticationException}. Every timer of one ALP client (retries, rate limits, token renewal, heartbeats,
 * reconnects) runs on its {@code ClientResources}' one scheduler.
 *
 * <p>Rate-limit scopes: {@link #PUBLIC_SCOPE} for public calls (shared by every ALP client on the same resources)
 * and {@link #PRIVATE_SCOPE} for private calls (shared by the clients of one API key).
 */
public final class AlpOptions extends VenueOptions {

    /** The rate-limit scope of public calls. */
    public static final String PUBLIC_SCOPE = RateLimit.PUBLIC_SCOPE;
    /** The rate-limit scope of private calls, counted per API key. */
    public static final String PRIVATE_SCOPE = "private";
    /**
     * REST base. The document says {@code https://alp.com/api/v3/}, which answers with a redirect that
     * breaks signed POSTs; the official client and we use {@code www.}.
     */
    public static final URI DEFAULT_REST_URL = URI.create("https://www.alp.com/api/v3");
    /** Websocket endpoint, as documented (the official client's {@code /alp-ws} is a setting away). */
    public static final URI DEFAULT_WS_URL = URI.create("wss://www.alp.com/ws");
    /** ALP publishes no limit: 10 public calls a second is our conservative default. */
    public static final RateLimit DEFAULT_PUBLIC_RATE_LIMIT = RateLimit.perSecond(10);
    /** ALP publishes no limit: 5 private calls a second is our conservative default. */
    public static final RateLimit DEFAULT_PRIVATE_RATE_LIMIT = RateLimit.perSecond(5);
    /** Attempts of an idempotent call, the first included: three retries on a transient failure (orders never). */
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    /** Renew the JWT this long before its {@code exp} (less for short-lived tokens: a fifth of their life). */
    public static final Duration DEFAULT_TOKEN_REFRESH_MARGIN = Duration.ofSeconds(60);
    /** How long the market list ({@code GET /pairs}) used to validate orders is kept. */
    public static final Duration DEFAULT_PAIRS_CACHE_TTL = Duration.ofMinutes(5);
    /** Levels a side of the REST book that seeds {@code watchOrderBook} (the venue sends at most 20). */
    public static final int DEFAULT_BOOK_SNAPSHOT_DEPTH = 20;

    private final Duration tokenRefreshMargin;
    private final Duration pairsCacheTtl;
    private final AlpWalletType walletType;
    private final int bookSnapshotDepth;

    private AlpOptions(Builder b) {
        super(b);
        this.tokenRefreshMargin = b.tokenRefreshMargin;
        this.pairsCacheTtl = b.pairsCacheTtl;
        this.walletType = b.walletType;
        this.bookSnapshotDepth = b.bookSnapshotDepth;
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
    @Override
    public Builder mutate() {
        return new Builder(this);
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

    @Override
    public String toString() {
        return "AlpOptions[" + coreToString() + ", walletType=" + walletType + "]";
    }

    /** Builds {@link AlpOptions}. */
    public static final class Builder extends VenueOptions.Builder<AlpOptions, Builder> {
        private Duration tokenRefreshMargin = DEFAULT_TOKEN_REFRESH_MARGIN;
        private Duration pairsCacheTtl = DEFAULT_PAIRS_CACHE_TTL;
        private AlpWalletType walletType = AlpWalletType.SPOT;
        private int bookSnapshotDepth = DEFAULT_BOOK_SNAPSHOT_DEPTH;

        private Builder() {
            super(DEFAULT_REST_URL, DEFAULT_WS_URL);
            rateLimit(PUBLIC_SCOPE, DEFAULT_PUBLIC_RATE_LIMIT);
            rateLimit(PRIVATE_SCOPE, DEFAULT_PRIVATE_RATE_LIMIT);
            maxAttempts(DEFAULT_MAX_ATTEMPTS);
        }

        private Builder(AlpOptions from) {
            super(from);
            tokenRefreshMargin = from.tokenRefreshMargin;
            pairsCacheTtl = from.pairsCacheTtl;
            walletType = from.walletType;
            bookSnapshotDepth = from.bookSnapshotDepth;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** How long before its expiry the JWT is renewed (not negative). */
        public Builder tokenRefreshMargin(Duration value) {
            this.tokenRefreshMargin = notNegative(value, "tokenRefreshMargin");
            return this;
        }

        /** How long the market list is kept (not negative; zero fetches it for every call that needs it). */
        public Builder pairsCacheTtl(Duration value) {
            this.pairsCacheTtl = notNegative(value, "pairsCacheTtl");
            return this;
        }

        private static Duration notNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return value;
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

        /** The options. */
        @Override
        public AlpOptions build() {
            return new AlpOptions(this);
        }
    }
}
