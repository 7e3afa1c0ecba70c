package io.exflux.reactive.venue.v1;

import io.exflux.reactive.config.RateLimit;
import java.net.URI;

/**
 * The two venues of the v1 platform and what differs between them; everything else is one implementation. Each
 * value is a default of {@link V1Options} (a setting away), chosen as {@code docs/venues/v1.md} explains.
 */
public enum V1Dialect {

    /**
     * BTC-Alpha: order book at {@code /v1/orderbook/?pair=} with {@code limit_bids}/{@code limit_asks} (whose keys
     * are inverted: {@code bids} holds sell orders), a public list of all orders, exchanges without offset or
     * ordering (limit 2000), one call a second for the whole API (public and private calls counted together, as
     * the document's single limit reads), and a socket the document calls "engine.io".
     */
    BTC_ALPHA("btc-alpha", "BTC-Alpha", URI.create("https://btc-alpha.com/api"), URI.create("wss://btc-alpha.com"),
            BookRoute.QUERY, true, false, 2000, RateLimit.perSecond(1), null,
            V1SocketFlavour.ENGINE_IO),

    /**
     * bitexbit: order book at {@code /v1/orderbook/<pair>/} with {@code limit_sell}/{@code limit_buy}, no public
     * order list, exchanges with {@code offset} and {@code ordering} (limit 100), 2 private calls a second per
     * account and 100 public calls a second, socket.io.
     */
    BITEXBIT("bitexbit", "bitexbit", URI.create("https://bitexbit.com/api"), URI.create("wss://bitexbit.com"),
            BookRoute.PATH, false, true, 100, RateLimit.perSecond(100), RateLimit.perSecond(2),
            V1SocketFlavour.SOCKET_IO);

    /** Where the order book's pair goes, and which limit parameters go with it. */
    public enum BookRoute {
        /** {@code GET /v1/orderbook/?pair=<PAIR>&limit_bids=&limit_asks=&group=} (BTC-Alpha). */
        QUERY,
        /** {@code GET /v1/orderbook/<PAIR>/?limit_sell=&limit_buy=&group=} (bitexbit). */
        PATH
    }

    private final String venue;
    private final String displayName;
    private final URI restUrl;
    private final URI wsUrl;
    private final BookRoute bookRoute;
    private final boolean publicOrderList;
    private final boolean exchangesPaging;
    private final int exchangesDefaultLimit;
    private final RateLimit publicRateLimit;
    private final RateLimit privateRateLimit;
    private final V1SocketFlavour socketFlavour;

    V1Dialect(String venue, String displayName, URI restUrl, URI wsUrl, BookRoute bookRoute, boolean publicOrderList,
              boolean exchangesPaging, int exchangesDefaultLimit, RateLimit publicRateLimit,
              RateLimit privateRateLimit, V1SocketFlavour socketFlavour) {
        this.venue = venue;
        this.displayName = displayName;
        this.restUrl = restUrl;
        this.wsUrl = wsUrl;
        this.bookRoute = bookRoute;
        this.publicOrderList = publicOrderList;
        this.exchangesPaging = exchangesPaging;
        this.exchangesDefaultLimit = exchangesDefaultLimit;
        this.publicRateLimit = publicRateLimit;
        this.privateRateLimit = privateRateLimit;
        this.socketFlavour = socketFlavour;
    }

    /** The venue id in {@code Exchanges} and in error contexts: {@code btc-alpha} or {@code bitexbit}. */
    public String venue() {
        return venue;
    }

    /** The venue's name as people write it. */
    public String displayName() {
        return displayName;
    }

    /** The documented REST root: {@code /v1/...} and {@code /charts/...} hang below it. */
    public URI defaultRestUrl() {
        return restUrl;
    }

    /** The documented socket host. */
    public URI defaultWsUrl() {
        return wsUrl;
    }

    /** How this venue's document addresses the order book. */
    public BookRoute defaultBookRoute() {
        return bookRoute;
    }

    /** Whether the document has the public {@code GET /v1/orders/} (BTC-Alpha only). */
    public boolean hasPublicOrderList() {
        return publicOrderList;
    }

    /** Whether exchanges take {@code offset} and {@code ordering} (bitexbit only). */
    public boolean hasExchangesPaging() {
        return exchangesPaging;
    }

    /** The documented default {@code limit} of the exchanges lists. */
    public int exchangesDefaultLimit() {
        return exchangesDefaultLimit;
    }

    /** The documented limit of public calls. */
    public RateLimit defaultPublicRateLimit() {
        return publicRateLimit;
    }

    /** The documented limit of private calls, per API key. */
    public RateLimit defaultPrivateRateLimit() {
        return privateRateLimit;
    }

    /**
     * Whether private calls draw from the public limit (BTC-Alpha: one limit for every call) rather than a limit of
     * their own per API key.
     */
    public boolean privateCallsSharePublicLimit() {
        return privateRateLimit == null;
    }

    /** The socket flavour the document names. */
    public V1SocketFlavour defaultSocketFlavour() {
        return socketFlavour;
    }

    /** The dialect of a venue id, e.g. {@code btc-alpha}. */
    public static V1Dialect ofVenue(String venue) {
        for (V1Dialect dialect : values()) {
            if (dialect.venue.equals(venue)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("not a v1 venue: " + venue);
    }
}
