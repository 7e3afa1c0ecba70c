package io.exflux.testkit.v1;

/**
 * What separates the two venues of the v1 platform; everything else is one implementation. Each constant
 * holds its venue's documented values as data, so the front never branches on the venue's name.
 */
public enum V1Dialect {

    /**
     * BTC-Alpha: order book at {@code /v1/orderbook/?pair=} with the inverted keys {@code bids} (sell
     * orders) and {@code asks} (buy orders), 100 a side by default; a public {@code /v1/orders/} list;
     * exchanges 2,000 by default without paging; 1 call per second for the whole HTTP API; the socket is
     * bare engine.io; answers and events carry no {@code success} flag.
     */
    BTC_ALPHA("btc-alpha", Socket.ENGINE_IO, Book.QUERY_PAIR, "bids", "asks", "limit_bids", "limit_asks", 100, true, 2000,
            false, 1, 0),

    /**
     * bitexbit: order book at {@code /v1/orderbook/<pair>/} with keys {@code sell}/{@code buy} and limits
     * {@code limit_sell}/{@code limit_buy} (all by default); no public order list; exchanges 100 by
     * default with {@code offset} and {@code ordering}; 100 public calls per second per IP and 2 private
     * calls per second per account; the socket is socket.io; answers and events carry {@code success}.
     */
    BITEXBIT("bitexbit", Socket.SOCKET_IO, Book.PATH_PAIR, "sell", "buy", "limit_sell", "limit_buy", Integer.MAX_VALUE,
            false, 100, true, 100, 2);

    /** The socket's flavour; socket.io also decides the {@code success} flag and {@code cancel_order_id}. */
    private enum Socket {
        /** Bare engine.io messages; the document's events have no {@code success} on new orders. */
        ENGINE_IO,
        /** socket.io events; the document's events and order answers carry {@code success}, cancels {@code cancel_order_id}. */
        SOCKET_IO
    }

    /** Where the order book's pair goes. */
    private enum Book {
        QUERY_PAIR,
        PATH_PAIR
    }

    private final String venue;
    private final Socket socket;
    private final Book book;
    private final String sellKey;
    private final String buyKey;
    private final String sellLimit;
    private final String buyLimit;
    private final int defaultBookLimit;
    private final boolean publicOrderList;
    private final int defaultExchangesLimit;
    private final boolean exchangesPaging;
    private final int ipCallsPerSecond;
    private final int accountCallsPerSecond;

    V1Dialect(String venue, Socket socket, Book book, String sellKey, String buyKey, String sellLimit, String buyLimit,
              int defaultBookLimit, boolean publicOrderList, int defaultExchangesLimit, boolean exchangesPaging,
              int ipCallsPerSecond, int accountCallsPerSecond) {
        this.venue = venue;
        this.socket = socket;
        this.book = book;
        this.sellKey = sellKey;
        this.buyKey = buyKey;
        this.sellLimit = sellLimit;
        this.buyLimit = buyLimit;
        this.defaultBookLimit = defaultBookLimit;
        this.publicOrderList = publicOrderList;
        this.defaultExchangesLimit = defaultExchangesLimit;
        this.exchangesPaging = exchangesPaging;
        this.ipCallsPerSecond = ipCallsPerSecond;
        this.accountCallsPerSecond = accountCallsPerSecond;
    }

    /** The venue's name as {@code exflux sim --venue} spells it. */
    public String venue() {
        return venue;
    }

    /** The dialect of a venue name ({@code btc-alpha}, {@code bitexbit}); null when neither. */
    public static V1Dialect byVenue(String name) {
        for (V1Dialect d : values()) {
            if (d.venue.equalsIgnoreCase(name)) {
                return d;
            }
        }
        return null;
    }

    /** Whether the socket speaks socket.io on engine.io (else bare engine.io messages {@code 4<json>}). */
    public boolean socketIo() {
        return socket == Socket.SOCKET_IO;
    }

    /** Whether order answers and new-order events carry {@code "success": true} (cancel events always do). */
    public boolean successFlag() {
        return socket == Socket.SOCKET_IO;
    }

    /** Whether a cancel event names the cancel operation in {@code cancel_order_id}. */
    public boolean cancelOrderId() {
        return socket == Socket.SOCKET_IO;
    }

    /** The order book's key of the sell orders. */
    String sellKey() {
        return sellKey;
    }

    /** The order book's key of the buy orders. */
    String buyKey() {
        return buyKey;
    }

    /** The documented parameter limiting the sell orders of the book. */
    String sellLimit() {
        return sellLimit;
    }

    /** The documented parameter limiting the buy orders of the book. */
    String buyLimit() {
        return buyLimit;
    }

    /** Orders a side of the book when no limit is given. */
    int defaultBookLimit() {
        return defaultBookLimit;
    }

    /** Whether the pair of the order book is a path segment (else the {@code pair} query parameter). */
    boolean bookPairInPath() {
        return book == Book.PATH_PAIR;
    }

    /** Whether the public {@code /v1/orders/} list exists. */
    boolean publicOrderList() {
        return publicOrderList;
    }

    int defaultExchangesLimit() {
        return defaultExchangesLimit;
    }

    /** Whether the exchange lists take {@code offset} and {@code ordering}. */
    boolean exchangesPaging() {
        return exchangesPaging;
    }

    /** Documented calls per second from one IP (BTC-Alpha: every call; bitexbit: public calls). */
    public int ipCallsPerSecond() {
        return ipCallsPerSecond;
    }

    /** Documented private calls per second per account; 0 when private calls count against the IP limit. */
    public int accountCallsPerSecond() {
        return accountCallsPerSecond;
    }
}
