package io.exflux.reactive.venue.btse.internal;

/**
 * BTSE's websocket topic names. Order books on the order-book host: {@code update:<SYMBOL>_<grouping>} and
 * {@code snapshotL1:<SYMBOL>}; everything else on the main host: {@code tradeHistoryApi:<SYMBOL>} and the
 * authenticated {@code notificationApiV2} and {@code fills}.
 */
public final class BtseWsTopics {

    /** The account's order notifications (authenticated). */
    public static final String ORDERS = "notificationApiV2";
    /** The account's fills (authenticated). */
    public static final String FILLS = "fills";
    /** Book groupings the document allows: 0 (none) to 8. */
    public static final int MAX_GROUPING = 8;

    private BtseWsTopics() {
    }

    /** {@code update:<SYMBOL>_<grouping>}. */
    public static String book(String symbol, int grouping) {
        return "update:" + symbol + "_" + grouping;
    }

    /** {@code snapshotL1:<SYMBOL>}, as BTSE has spelled it since 2025-01 (grouped L1 is refused). */
    public static String l1(String symbol) {
        return "snapshotL1:" + symbol;
    }

    /** {@code snapshotL1:<SYMBOL>_<grouping>}, the 2023 document's spelling. */
    public static String l1(String symbol, int grouping) {
        return "snapshotL1:" + symbol + "_" + grouping;
    }

    /** {@code tradeHistoryApi:<SYMBOL>}. */
    public static String trades(String symbol) {
        return "tradeHistoryApi:" + symbol;
    }

    /** Whether a topic needs the authenticated connection. */
    public static boolean isPrivate(String topic) {
        return ORDERS.equals(topic) || FILLS.equals(topic);
    }

    /** Whether a topic lives on the order-book host. */
    public static boolean isOrderBookHost(String topic) {
        return topic.startsWith("update:") || topic.startsWith("snapshotL1:") || topic.startsWith("snapshot:");
    }

    /** The symbol a topic names: {@code update:BTC-USD_0} and {@code update:BTC-USD} both give {@code BTC-USD}. */
    public static String symbolOf(String topic) {
        int colon = topic.indexOf(':');
        String rest = colon < 0 ? topic : topic.substring(colon + 1);
        int underscore = rest.lastIndexOf('_');
        if (underscore > 0 && underscore < rest.length() - 1 && isDigits(rest, underscore + 1)) {
            return rest.substring(0, underscore);
        }
        return rest;
    }

    private static boolean isDigits(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
