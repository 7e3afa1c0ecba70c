package io.exflux.reactive.venue.v1;

import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.config.VenueOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of a BTC-Alpha or bitexbit client: the core every venue shares ({@link VenueOptions}) plus the
 * {@link V1Dialect} and the few things the documents leave open or the venues changed since (hosts, order-book
 * route, body format, socket flavour, engine.io version, socket path). Every default comes from the dialect and is
 * one setting away, so the testkit's simulator (or a venue that drifted) can be plugged in. Start from
 * {@link #builder(V1Dialect)}, change a copy with {@link #mutate()}.
 *
 * <p>The REST base is the venue's API root ({@code https://btc-alpha.com/api}): {@code /v1/...} and
 * {@code /charts/...} go below it. The websocket URL names the socket host ({@code wss://btc-alpha.com}); its path
 * is replaced by {@link #socketPath()}.
 *
 * <p>Rate-limit scopes: {@link #PUBLIC_SCOPE} (counted per venue: bitexbit's "per IP" limit) and
 * {@link #PRIVATE_SCOPE} (counted per API key: bitexbit's "per account" limit). BTC-Alpha's document has one limit,
 * 1 call a second for every call: there private calls draw from {@link #PUBLIC_SCOPE} too, and the private scope is
 * unused (see {@code docs/venues/v1.md}).
 */
public final class V1Options extends VenueOptions {

    /** The rate-limit scope of public calls. */
    public static final String PUBLIC_SCOPE = RateLimit.PUBLIC_SCOPE;
    /** The rate-limit scope of private calls, counted per API key. */
    public static final String PRIVATE_SCOPE = "private";
    /** The socket path: socket.io's default (the documents name none). */
    public static final String DEFAULT_SOCKET_PATH = "/socket.io/";
    /** engine.io 3, as the 2017 documents' "latest socket.io" was; 4 is a setting away. */
    public static final int DEFAULT_ENGINE_IO_VERSION = 3;
    /** The event that subscribes a channel: {@code ["subscribe","book_BTC_USD"]} (the documents name none). */
    public static final String DEFAULT_SUBSCRIBE_EVENT = "subscribe";
    /** How long the market list that validates orders is kept. */
    public static final Duration DEFAULT_PAIRS_CACHE_TTL = Duration.ofMinutes(5);
    /** Levels a side of the REST book that seeds {@code watchOrderBook}. */
    public static final int DEFAULT_BOOK_SNAPSHOT_DEPTH = 100;
    /** Attempts of an idempotent call, the first included (orders are never retried). */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    private final V1Dialect dialect;
    private final V1Dialect.BookRoute bookRoute;
    private final V1BodyFormat bodyFormat;
    private final V1SocketFlavour socketFlavour;
    private final int engineIoVersion;
    private final String socketPath;
    private final String subscribeEvent;
    private final Duration pairsCacheTtl;
    private final int bookSnapshotDepth;

    private V1Options(Builder b) {
        super(b);
        this.dialect = b.dialect;
        this.bookRoute = b.bookRoute;
        this.bodyFormat = b.bodyFormat;
        this.socketFlavour = b.socketFlavour;
        this.engineIoVersion = b.engineIoVersion;
        this.socketPath = b.socketPath;
        this.subscribeEvent = b.subscribeEvent;
        this.pairsCacheTtl = b.pairsCacheTtl;
        this.bookSnapshotDepth = b.bookSnapshotDepth;
    }

    /** Every default of the venue, no credentials. */
    public static V1Options defaults(V1Dialect dialect) {
        return builder(dialect).build();
    }

    /** A builder holding every default of the venue. */
    public static Builder builder(V1Dialect dialect) {
        return new Builder(Objects.requireNonNull(dialect, "dialect"));
    }

    @Override
    public Builder mutate() {
        return new Builder(this);
    }

    /** Which venue. */
    public V1Dialect dialect() {
        return dialect;
    }

    /** How the order book is addressed (the dialect's by default). */
    public V1Dialect.BookRoute bookRoute() {
        return bookRoute;
    }

    /** How POST parameters are sent ({@link V1BodyFormat#FORM} by default). */
    public V1BodyFormat bodyFormat() {
        return bodyFormat;
    }

    /** Bare engine.io or socket.io (the dialect's by default). */
    public V1SocketFlavour socketFlavour() {
        return socketFlavour;
    }

    /** The engine.io version, 3 or 4 ({@link #DEFAULT_ENGINE_IO_VERSION}). */
    public int engineIoVersion() {
        return engineIoVersion;
    }

    /** The socket path ({@link #DEFAULT_SOCKET_PATH}). */
    public String socketPath() {
        return socketPath;
    }

    /** The event that subscribes a channel ({@link #DEFAULT_SUBSCRIBE_EVENT}). */
    public String subscribeEvent() {
        return subscribeEvent;
    }

    /** How long the market list is kept ({@link #DEFAULT_PAIRS_CACHE_TTL}). */
    public Duration pairsCacheTtl() {
        return pairsCacheTtl;
    }

    /** Levels a side of the REST book seeding {@code watchOrderBook} ({@link #DEFAULT_BOOK_SNAPSHOT_DEPTH}). */
    public int bookSnapshotDepth() {
        return bookSnapshotDepth;
    }

    @Override
    public String toString() {
        return "V1Options[" + dialect.venue() + ", " + coreToString() + ", socketPath=" + socketPath
                + ", bookRoute=" + bookRoute + ", bodyFormat=" + bodyFormat + ", socket=" + socketFlavour + "/EIO"
                + engineIoVersion + "]";
    }

    /** Builds {@link V1Options}. */
    public static final class Builder extends VenueOptions.Builder<V1Options, Builder> {
        private final V1Dialect dialect;
        private V1Dialect.BookRoute bookRoute;
        private V1BodyFormat bodyFormat = V1BodyFormat.FORM;
        private V1SocketFlavour socketFlavour;
        private int engineIoVersion = DEFAULT_ENGINE_IO_VERSION;
        private String socketPath = DEFAULT_SOCKET_PATH;
        private String subscribeEvent = DEFAULT_SUBSCRIBE_EVENT;
        private Duration pairsCacheTtl = DEFAULT_PAIRS_CACHE_TTL;
        private int bookSnapshotDepth = DEFAULT_BOOK_SNAPSHOT_DEPTH;

        private Builder(V1Dialect dialect) {
            super(dialect.defaultRestUrl(), dialect.defaultWsUrl());
            this.dialect = dialect;
            this.bookRoute = dialect.defaultBookRoute();
            this.socketFlavour = dialect.defaultSocketFlavour();
            rateLimit(PUBLIC_SCOPE, dialect.defaultPublicRateLimit());
            if (!dialect.privateCallsSharePublicLimit()) {
                rateLimit(PRIVATE_SCOPE, dialect.defaultPrivateRateLimit());
            }
            maxAttempts(DEFAULT_MAX_ATTEMPTS);
        }

        private Builder(V1Options from) {
            super(from);
            dialect = from.dialect;
            bookRoute = from.bookRoute;
            bodyFormat = from.bodyFormat;
            socketFlavour = from.socketFlavour;
            engineIoVersion = from.engineIoVersion;
            socketPath = from.socketPath;
            subscribeEvent = from.subscribeEvent;
            pairsCacheTtl = from.pairsCacheTtl;
            bookSnapshotDepth = from.bookSnapshotDepth;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** How the order book is addressed. */
        public Builder bookRoute(V1Dialect.BookRoute value) {
            this.bookRoute = Objects.requireNonNull(value, "bookRoute");
            return this;
        }

        /** How POST parameters are sent. */
        public Builder bodyFormat(V1BodyFormat value) {
            this.bodyFormat = Objects.requireNonNull(value, "bodyFormat");
            return this;
        }

        /** Bare engine.io or socket.io. */
        public Builder socketFlavour(V1SocketFlavour value) {
            this.socketFlavour = Objects.requireNonNull(value, "socketFlavour");
            return this;
        }

        /** The engine.io version: 3 (the client pings) or 4 (the server pings). */
        public Builder engineIoVersion(int value) {
            if (value != 3 && value != 4) {
                throw new IllegalArgumentException("engineIoVersion must be 3 or 4: " + value);
            }
            this.engineIoVersion = value;
            return this;
        }

        /** The socket path, starting and ending with {@code /} (e.g. {@code /socket.v2/}). */
        public Builder socketPath(String value) {
            if (value == null || !value.startsWith("/") || !value.endsWith("/")) {
                throw new IllegalArgumentException("socketPath must start and end with '/': " + value);
            }
            this.socketPath = value;
            return this;
        }

        /** The event that subscribes a channel. */
        public Builder subscribeEvent(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("subscribeEvent must be a name: " + value);
            }
            this.subscribeEvent = value;
            return this;
        }

        /** How long the market list is kept (positive; checked by {@link #build()}). */
        public Builder pairsCacheTtl(Duration value) {
            this.pairsCacheTtl = value;
            return this;
        }

        /** Levels a side of the seeding REST book (positive; checked by {@link #build()}). */
        public Builder bookSnapshotDepth(int value) {
            this.bookSnapshotDepth = value;
            return this;
        }

        /**
         * The v1 textual settings: {@code socket-path}, {@code engine-io}
         * ({@code 3}|{@code 4}), {@code socket} ({@code engine.io}|{@code socket.io}), {@code body}
         * ({@code form}|{@code json}), {@code book-route} ({@code query}|{@code path}), then the core ones.
         */
        @Override
        protected boolean property(String name, String value) {
            String v = value.trim();
            switch (name) {
                case "socket-path" -> socketPath(v);
                case "engine-io" -> engineIoVersion(switch (v) {
                    case "3" -> 3;
                    case "4" -> 4;
                    default -> throw new IllegalArgumentException("engine-io must be 3 or 4: " + v);
                });
                case "socket" -> socketFlavour(switch (v) {
                    case "engine.io" -> V1SocketFlavour.ENGINE_IO;
                    case "socket.io" -> V1SocketFlavour.SOCKET_IO;
                    default -> throw new IllegalArgumentException("socket must be engine.io or socket.io: " + v);
                });
                case "body" -> bodyFormat(switch (v) {
                    case "form" -> V1BodyFormat.FORM;
                    case "json" -> V1BodyFormat.JSON;
                    default -> throw new IllegalArgumentException("body must be form or json: " + v);
                });
                case "book-route" -> bookRoute(switch (v) {
                    case "query" -> V1Dialect.BookRoute.QUERY;
                    case "path" -> V1Dialect.BookRoute.PATH;
                    default -> throw new IllegalArgumentException("book-route must be query or path: " + v);
                });
                default -> {
                    return super.property(name, value);
                }
            }
            return true;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException naming the setting, for a cache time or snapshot depth that is not positive
         */
        @Override
        public V1Options build() {
            boolean ttlPositive = pairsCacheTtl != null && !pairsCacheTtl.isNegative() && !pairsCacheTtl.isZero();
            if (!ttlPositive || bookSnapshotDepth < 1) {
                throw new IllegalArgumentException(!ttlPositive ? "pairsCacheTtl must be positive: " + pairsCacheTtl
                        : "bookSnapshotDepth must be positive: " + bookSnapshotDepth);
            }
            return new V1Options(this);
        }
    }
}
