package io.exflux.reactive.venue.alp;

/**
 * ALP's websocket topics ({@code <kind>.<PAIR>}, pair upper case as in REST {@code name}) and the
 * pseudo topics of the private channels, which need no subscription on the wire (the venue pushes
 * them after {@code ["auth", jwt]}).
 */
public final class AlpTopics {

    /** Every market's ticker rows. The per-pair {@code ticker.<PAIR>} is documented but delivered nothing in probes. */
    public static final String TICKERS_ALL = "ticker.*";
    /** Every market's trades. */
    public static final String TRADES_ALL = "trade.*";
    /** Valuation rates (the official client's topic; not in the document). */
    public static final String RATES_ALL = "rates.*";
    /** Private pseudo topic: order updates ({@code o}). */
    public static final String ORDERS = "@orders";
    /** Private pseudo topic: wallet updates ({@code w}). */
    public static final String WALLETS = "@wallets";
    /** Private pseudo topic: account trades ({@code ta}), passed on raw. */
    public static final String ACCOUNT_TRADES = "@account_trades";

    private AlpTopics() {
    }

    /** {@code ticker.<PAIR>}. */
    public static String ticker(String pair) {
        return "ticker." + pair;
    }

    /** {@code trade.<PAIR>}. */
    public static String trades(String pair) {
        return "trade." + pair;
    }

    /** {@code diff.<PAIR>}. */
    public static String diff(String pair) {
        return "diff." + pair;
    }

    /** {@code market_depth.<PAIR>}: whole books of up to 20 levels, replacing each other. */
    public static String marketDepth(String pair) {
        return "market_depth." + pair;
    }

    /** Whether the topic is one of the private pseudo topics. */
    public static boolean isPrivate(String topic) {
        return topic.startsWith("@");
    }
}
