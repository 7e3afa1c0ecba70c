package io.exflux.reactive.venue.btse.model;

/**
 * One entry of an order-book host error frame. The current shape
 * {@code {"severity":"ERROR","errors":[{"arg":"update:BTCC-USD_0","error":{"code":1000,"message":"..."}}]}} and
 * the older {@code {"severity":"ERROR","error":[{"arg":...,"errorCode":"MARKET_PAIR_NOT_SUPPORT"}]}} both read
 * into it, one message per entry.
 *
 * @param severity as sent ({@code ERROR})
 * @param arg      the topic the error is about, or {@code null} (an unknown operation, a frame that is not JSON)
 * @param code     the numeric code (1000 market pair not supported, 1001 operation not supported, 1002 invalid
 *                 request, 1005 topic does not exist, 1007 user message buffer full, 1008 max failed attempts,
 *                 1009 grouping on L1), or {@code -1} when the frame carries a code name only
 * @param codeName the older frames' code name ({@code MARKET_PAIR_NOT_SUPPORT}), or {@code null}
 * @param message  the venue's text, or {@code null}
 */
public record BtseWsError(String severity, String arg, int code, String codeName, String message)
        implements BtseWsMessage {

    /** Market pair provided is currently not supported. */
    public static final int MARKET_PAIR_NOT_SUPPORTED = 1000;
    /** Operation not supported. */
    public static final int OPERATION_NOT_SUPPORTED = 1001;
    /** Invalid request (also: a frame that is not JSON). */
    public static final int INVALID_REQUEST = 1002;
    /** Topic does not exist. */
    public static final int TOPIC_DOES_NOT_EXIST = 1005;
    /** The venue's buffer for this user is full: messages were lost. */
    public static final int USER_BUFFER_FULL = 1007;
    /** Too many failed attempts: the venue closes the connection. */
    public static final int MAX_FAILED_ATTEMPTS = 1008;
    /** A grouping was given on an L1 topic. */
    public static final int GROUPING_ON_L1 = 1009;

    /** What the venue said, for an exception message: code, name and text as far as given. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (code >= 0) {
            text.append(code);
        }
        if (codeName != null) {
            text.append(text.length() > 0 ? " " : "").append(codeName);
        }
        if (message != null) {
            text.append(text.length() > 0 ? ": " : "").append(message);
        }
        return text.toString();
    }
}
