package io.exflux.reactive.venue.btse;

import io.exflux.reactive.config.EndpointUrls;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.config.VenueOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of a BTSE spot client: the core every venue shares ({@link VenueOptions}: the REST base and the
 * main websocket, resources, credentials, timeouts, retry, rate limits by scope, streams) plus BTSE's third host, the
 * order-book websocket, the authentication header names and a few extras. The main websocket carries trades, login,
 * order notifications and fills; the REST base's path is not part of what is signed. Start from {@link #builder()} (or
 * {@link #defaults()}, {@link #testnet()}), change a copy with {@link #mutate()}. Every default is a public constant
 * and follows the document; what BTSE changed since is a setting away (see {@code docs/venues/btse.md}).
 *
 * <p>Rate-limit scopes, as documented: {@link #QUERY_SCOPE} (market data and account queries, 15 a second per API
 * key), {@link #ORDERS_SCOPE} (placing, amending and cancelling, 75 a second) and {@link #WALLET_SCOPE} (wallet
 * operations, 5 a second per user). Without credentials the scopes are counted per venue.
 */
public final class BtseOptions extends VenueOptions {

    /** The rate-limit scope of queries: market data, orders and trades looked up, fees. */
    public static final String QUERY_SCOPE = "query";
    /** The rate-limit scope of order placement, amendment and cancellation. */
    public static final String ORDERS_SCOPE = "orders";
    /** The rate-limit scope of wallet operations. */
    public static final String WALLET_SCOPE = "wallet";

    /** REST base, as documented (paths {@code /api/v3.2/...} go below it; {@code /spot} is not signed). */
    public static final URI DEFAULT_REST_URL = URI.create("https://api.btse.com/spot");
    /** The main websocket: trades, login, order notifications, fills. */
    public static final URI DEFAULT_WS_URL = URI.create("wss://ws.btse.com/ws/spot");
    /** The order-book websocket ("OSS"): order books only. */
    public static final URI DEFAULT_ORDER_BOOK_WS_URL = URI.create("wss://ws.btse.com/ws/oss/spot");
    /** Testnet REST base. */
    public static final URI TESTNET_REST_URL = URI.create("https://testapi.btse.io/spot");
    /** Testnet main websocket. */
    public static final URI TESTNET_WS_URL = URI.create("wss://testws.btse.io/ws/spot");
    /** Testnet order-book websocket. */
    public static final URI TESTNET_ORDER_BOOK_WS_URL = URI.create("wss://testws.btse.io/ws/oss/spot");

    /** Queries: 15 a second per API key (the per-user 30 a second is the looser of the two). */
    public static final RateLimit DEFAULT_QUERY_RATE_LIMIT = RateLimit.perSecond(15);
    /** Orders: 75 a second per API key and per user. */
    public static final RateLimit DEFAULT_ORDERS_RATE_LIMIT = RateLimit.perSecond(75);
    /** Wallet operations: 5 a second per user. */
    public static final RateLimit DEFAULT_WALLET_RATE_LIMIT = RateLimit.perSecond(5);

    /** Attempts of an idempotent call, the first included (placements, withdrawals and the like never retry). */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** How long the market list that validates orders is kept. */
    public static final Duration DEFAULT_PAIRS_CACHE_TTL = Duration.ofMinutes(5);
    /** The order-book grouping subscribed by default ({@code update:BTC-USD_0}: no grouping). */
    public static final int DEFAULT_BOOK_GROUPING = 0;
    /** The highest grouping BTSE knows. */
    public static final int MAX_BOOK_GROUPING = 8;
    /** BTSE asks for a text {@code ping} every 15 seconds and drops sockets idle for 60. */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(15);
    /** BTSE's limit of topics on one websocket connection; more topics open more connections. */
    public static final int DEFAULT_MAX_TOPICS_PER_CONNECTION = 100;

    private final URI orderBookWsUrl;
    private final BtseHeaderNaming headerNaming;
    private final Duration pairsCacheTtl;
    private final int bookGrouping;
    private final Duration pingInterval;
    private final int maxTopicsPerConnection;

    private BtseOptions(Builder b) {
        super(b);
        this.orderBookWsUrl = b.orderBookWsUrl;
        this.headerNaming = b.headerNaming;
        this.pairsCacheTtl = b.pairsCacheTtl;
        this.bookGrouping = b.bookGrouping;
        this.pingInterval = b.pingInterval;
        this.maxTopicsPerConnection = b.maxTopicsPerConnection;
    }

    /** Every default (production hosts), no credentials. */
    public static BtseOptions defaults() {
        return builder().build();
    }

    /** Every default on the testnet hosts, no credentials. */
    public static BtseOptions testnet() {
        return builder().testnetHosts().build();
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

    /** The order-book websocket ({@link #DEFAULT_ORDER_BOOK_WS_URL}). */
    public URI orderBookWsUrl() {
        return orderBookWsUrl;
    }

    /** The names of the authentication headers ({@link BtseHeaderNaming#BTSE} by default). */
    public BtseHeaderNaming headerNaming() {
        return headerNaming;
    }

    /** How long the market list that validates orders is kept ({@link #DEFAULT_PAIRS_CACHE_TTL}). */
    public Duration pairsCacheTtl() {
        return pairsCacheTtl;
    }

    /** The order-book grouping subscribed, 0 to 8 ({@link #DEFAULT_BOOK_GROUPING}). */
    public int bookGrouping() {
        return bookGrouping;
    }

    /** How often a text {@code ping} goes out on each websocket ({@link #DEFAULT_PING_INTERVAL}). */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** Topics on one websocket connection at most ({@link #DEFAULT_MAX_TOPICS_PER_CONNECTION}). */
    public int maxTopicsPerConnection() {
        return maxTopicsPerConnection;
    }

    @Override
    public String toString() {
        return "BtseOptions[" + coreToString() + ", orderBookWsUrl=" + EndpointUrls.shown(orderBookWsUrl)
                + ", headers=" + headerNaming + "]";
    }

    /** Builds {@link BtseOptions}. */
    public static final class Builder extends VenueOptions.Builder<BtseOptions, Builder> {
        private URI orderBookWsUrl = DEFAULT_ORDER_BOOK_WS_URL;
        private BtseHeaderNaming headerNaming = BtseHeaderNaming.BTSE;
        private Duration pairsCacheTtl = DEFAULT_PAIRS_CACHE_TTL;
        private int bookGrouping = DEFAULT_BOOK_GROUPING;
        private Duration pingInterval = DEFAULT_PING_INTERVAL;
        private int maxTopicsPerConnection = DEFAULT_MAX_TOPICS_PER_CONNECTION;

        private Builder() {
            super(DEFAULT_REST_URL, DEFAULT_WS_URL);
            rateLimit(QUERY_SCOPE, DEFAULT_QUERY_RATE_LIMIT);
            rateLimit(ORDERS_SCOPE, DEFAULT_ORDERS_RATE_LIMIT);
            rateLimit(WALLET_SCOPE, DEFAULT_WALLET_RATE_LIMIT);
            maxAttempts(DEFAULT_MAX_ATTEMPTS);
        }

        private Builder(BtseOptions from) {
            super(from);
            orderBookWsUrl = from.orderBookWsUrl;
            headerNaming = from.headerNaming;
            pairsCacheTtl = from.pairsCacheTtl;
            bookGrouping = from.bookGrouping;
            pingInterval = from.pingInterval;
            maxTopicsPerConnection = from.maxTopicsPerConnection;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The three testnet hosts. */
        public Builder testnetHosts() {
            return restUrl(TESTNET_REST_URL).wsUrl(TESTNET_WS_URL).orderBookWsUrl(TESTNET_ORDER_BOOK_WS_URL);
        }

        /** The order-book websocket: a wss or ws URL without credentials, query or fragment. */
        public Builder orderBookWsUrl(URI value) {
            this.orderBookWsUrl = EndpointUrls.websocket(value, "orderBookWsUrl");
            return this;
        }

        /** The order-book websocket, as text. */
        public Builder orderBookWsUrl(String value) {
            return orderBookWsUrl(EndpointUrls.parse(value, "orderBookWsUrl"));
        }

        /** The names of the authentication headers: {@code btse-*} (the document's) or {@code request-*}. */
        public Builder headerNaming(BtseHeaderNaming value) {
            this.headerNaming = Objects.requireNonNull(value, "headerNaming");
            return this;
        }

        /** How long the market list is kept (not negative; zero fetches it for every call that needs it). */
        public Builder pairsCacheTtl(Duration value) {
            Objects.requireNonNull(value, "pairsCacheTtl");
            if (value.isNegative()) {
                throw new IllegalArgumentException("pairsCacheTtl must not be negative: " + value);
            }
            this.pairsCacheTtl = value;
            return this;
        }

        /** The order-book grouping subscribed, 0 to {@value #MAX_BOOK_GROUPING}. */
        public Builder bookGrouping(int value) {
            if (value < 0 || value > MAX_BOOK_GROUPING) {
                throw new IllegalArgumentException("bookGrouping must be 0 to " + MAX_BOOK_GROUPING + ": " + value);
            }
            this.bookGrouping = value;
            return this;
        }

        /** How often a text {@code ping} goes out (positive, under BTSE's 60-second idle limit). */
        public Builder pingInterval(Duration value) {
            Objects.requireNonNull(value, "pingInterval");
            if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofSeconds(60)) >= 0) {
                throw new IllegalArgumentException("pingInterval must be positive and under 60 seconds: " + value);
            }
            this.pingInterval = value;
            return this;
        }

        /** Topics on one websocket connection at most (positive). */
        public Builder maxTopicsPerConnection(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxTopicsPerConnection must be positive: " + value);
            }
            this.maxTopicsPerConnection = value;
            return this;
        }

        /**
         * BTSE's own textual settings: {@code order-book-ws-url}, {@code headers}
         * ({@code btse}|{@code request}), {@code testnet} ({@code true} selects the three testnet hosts), then the
         * core ones.
         */
        @Override
        protected boolean property(String name, String value) {
            String v = value.trim();
            switch (name) {
                case "order-book-ws-url" -> orderBookWsUrl(v);
                case "headers" -> headerNaming(switch (v) {
                    case "btse" -> BtseHeaderNaming.BTSE;
                    case "request" -> BtseHeaderNaming.REQUEST;
                    default -> throw new IllegalArgumentException("headers must be btse or request: " + v);
                });
                case "testnet" -> {
                    switch (v) {
                        case "true" -> testnetHosts();
                        case "false" -> { }
                        default -> throw new IllegalArgumentException("testnet must be true or false: " + v);
                    }
                }
                default -> {
                    return super.property(name, value);
                }
            }
            return true;
        }

        /** The options. */
        @Override
        public BtseOptions build() {
            return new BtseOptions(this);
        }
    }
}
