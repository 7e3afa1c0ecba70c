package io.exflux.testkit.btse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Side;
import io.exflux.testkit.server.ErrorReply;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.Params;
import io.exflux.testkit.server.WireNumbers;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;

/**
 * How BTSE spells things: symbols {@code BTC-USD}, sides {@code BUY}/{@code SELL}, times in milliseconds,
 * the numeric order {@code status} codes of the API enum, and the error body
 * {@code {"code":..,"msg":"BADREQUEST: ..","time":..,"data":null,"success":false}}.
 */
final class BtseWire {

    static final ObjectMapper MAPPER = Params.MAPPER;

    // order status codes of the API enum (only those the simulator answers with)
    static final int MARKET_UNAVAILABLE = 1;
    static final int ORDER_INSERTED = 2;
    static final int ORDER_FULLY_TRANSACTED = 4;
    static final int ORDER_PARTIALLY_TRANSACTED = 5;
    static final int ORDER_CANCELLED = 6;
    static final int INSUFFICIENT_BALANCE = 8;
    static final int TRIGGER_INSERTED = 9;
    static final int TRIGGER_ACTIVATED = 10;
    static final int ORDER_REJECTED = 15;
    static final int ORDER_NOTFOUND = 16;
    static final int AMEND_ORDER = 123;
    static final int ERROR_MAX_ORDER_SIZE_EXCEEDED = 300;
    static final int ERROR_INVALID_ORDER_SIZE = 301;
    static final int ERROR_INVALID_ORDER_PRICE = 302;

    static final int ORDER_TYPE_LIMIT = 76;
    static final int ORDER_TYPE_MARKET = 77;
    static final int ORDER_TYPE_PEG = 80;

    /** The code of a failed authentication (401). */
    static final int UNAUTHORIZED = 10002;
    /** The code of a wallet operation over the balance. */
    static final int INSUFFICIENT_WALLET_BALANCE = 51523;
    /** The code of a withdrawal amount with more than eight decimals. */
    static final int CRYPTO_WITHDRAW_INVALID_AMOUNT = 3506;

    private BtseWire() {
    }

    /** Error answers: the HTTP status as {@code code} with its BTSE prefix ({@code BADREQUEST: ...}). */
    static ErrorReply errors(Clock clock) {
        return (status, message) -> error(clock, status, status, prefix(status) + message);
    }

    /** An error body with a venue code that is not the HTTP status (10002, 51523, 3506). */
    static FakeResponse error(Clock clock, int status, int code, String message) {
        ObjectNode body = MAPPER.createObjectNode().put("code", code).put("msg", message)
                .put("time", clock.millis()).putNull("data").put("success", false);
        return FakeResponse.json(status, body.toString());
    }

    private static String prefix(int status) {
        switch (status) {
            case 400:
                return "BADREQUEST: ";
            case 401:
                return "UNAUTHORIZED: ";
            case 403:
                return "FORBIDDEN: ";
            case 404:
                return "NOTFOUND: ";
            case 429:
                return "TOO_MANY_REQUESTS: ";
            default:
                return "";
        }
    }

    static FakeResponse ok(Object node) {
        return FakeResponse.ok(node.toString());
    }

    static String symbol(CurrencyPair pair) {
        return pair.symbol("-");
    }

    /** {@code BTC-USD} (any case) to a pair; null when the text is not of that form. */
    static CurrencyPair pair(String symbol) {
        if (symbol == null) {
            return null;
        }
        int dash = symbol.indexOf('-');
        if (dash <= 0 || dash != symbol.lastIndexOf('-') || dash == symbol.length() - 1) {
            return null;
        }
        try {
            return CurrencyPair.of(symbol.substring(0, dash).toUpperCase(Locale.ROOT),
                    symbol.substring(dash + 1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAPair) {
            return null;
        }
    }

    /** A JSON number without trailing zeros, never in scientific notation. */
    static BigDecimal number(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : WireNumbers.plain(value);
    }

    /** A decimal as the text the book endpoints and frames carry ({@code "36371.0"} style: plain). */
    static String text(BigDecimal value) {
        return WireNumbers.plain(value).toPlainString();
    }

    static String side(Side side) {
        return side == Side.BUY ? "BUY" : "SELL";
    }

    /** {@code BUY}/{@code SELL} in any case; null otherwise. */
    static Side parseSide(String text) {
        if (text == null) {
            return null;
        }
        switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "BUY":
                return Side.BUY;
            case "SELL":
                return Side.SELL;
            default:
                return null;
        }
    }
}
