package io.exflux.testkit.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.Side;
import io.exflux.testkit.server.ErrorReply;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.Params;
import io.exflux.testkit.server.WireNumbers;
import io.exflux.testkit.sim.SimOrder;
import io.exflux.testkit.sim.SimTrade;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * How the v1 platform spells things: JSON numbers for prices and amounts (strings inside socket trades),
 * fractional unix seconds for times, {@code buy}/{@code sell}, order statuses 1/2/3, pair names
 * {@code BTC_USD}, and the error body {@code {"date": <seconds>, "error": "<message>"}}.
 */
final class V1Wire {

    static final ObjectMapper MAPPER = Params.MAPPER;

    /** Order statuses of the documents' table. */
    static final int ACTIVE = 1;
    static final int CANCELED = 2;
    static final int DONE = 3;

    private V1Wire() {
    }

    /** The error answers of both venues: the status and {@code {"date":..., "error":...}}. */
    static ErrorReply errors(Clock clock) {
        return (status, message) -> FakeResponse.json(status, MAPPER.createObjectNode()
                .put("date", seconds(clock.instant())).put("error", message).toString());
    }

    static FakeResponse ok(Object node) {
        return FakeResponse.ok(node.toString());
    }

    static String symbol(CurrencyPair pair) {
        return pair.symbol("_");
    }

    /** {@code BTC_USD} to a pair; null when the text is not of that form. */
    static CurrencyPair pair(String symbol) {
        if (symbol == null) {
            return null;
        }
        int underscore = symbol.indexOf('_');
        if (underscore <= 0 || underscore != symbol.lastIndexOf('_')) {
            return null;
        }
        try {
            return CurrencyPair.of(symbol.substring(0, underscore).toUpperCase(Locale.ROOT),
                    symbol.substring(underscore + 1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAPair) {
            return null;
        }
    }

    /** A JSON number without trailing zeros, never in scientific notation. */
    static BigDecimal number(BigDecimal value) {
        return WireNumbers.plain(value);
    }

    /** Unix seconds with microseconds as a fraction, e.g. 1485686507.094462. */
    static BigDecimal seconds(Instant time) {
        return WireNumbers.unixSeconds(time);
    }

    static String side(Side side) {
        return side == Side.BUY ? "buy" : "sell";
    }

    /** {@code buy}/{@code sell} (any case) to a side; null when neither. */
    static Side parseSide(String text) {
        if (text == null) {
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "buy":
                return Side.BUY;
            case "sell":
                return Side.SELL;
            default:
                return null;
        }
    }

    /** 1 Active, 2 Canceled, 3 Done. */
    static int status(OrderStatus status) {
        switch (status) {
            case FILLED:
                return DONE;
            case CANCELED:
            case EXPIRED:
            case REJECTED:
                return CANCELED;
            default:
                return ACTIVE;
        }
    }

    /** The open amount of an order (what is left on the book; zero once done or cancelled). */
    static BigDecimal openAmount(SimOrder o) {
        return o.status().isFinal() ? BigDecimal.ZERO : o.remaining();
    }

    /** The price of an order: its limit price, else its average fill price, else zero. */
    static BigDecimal price(SimOrder o) {
        if (o.limitPrice() != null) {
            return o.limitPrice();
        }
        return o.averagePrice() == null ? BigDecimal.ZERO : o.averagePrice();
    }

    /**
     * An order as the order lists show it ({@code amount, pair, type, status, price, id}); the single
     * order answer has its status as text, as its example.
     */
    static ObjectNode order(SimOrder o, boolean statusAsText) {
        ObjectNode node = MAPPER.createObjectNode().put("amount", number(openAmount(o))).put("pair", symbol(o.pair()))
                .put("type", side(o.side()));
        int status = status(o.status());
        if (statusAsText) {
            node.put("status", Integer.toString(status));
        } else {
            node.put("status", status);
        }
        return node.put("price", number(price(o))).put("id", o.id());
    }

    /**
     * A placed order with the trades it made: the create-order answer and the socket's new-order event
     * ({@code date, oid, type, price, amount, trades}). Each trade describes the matched resting order
     * ({@code type} its side, {@code o_id} its id), as the documents' examples do; the socket carries trade
     * prices and amounts as strings, the REST answer as numbers.
     */
    static ObjectNode placed(V1Dialect dialect, SimOrder o, List<SimTrade> trades, boolean tradesAsText) {
        ObjectNode node = MAPPER.createObjectNode();
        if (dialect.successFlag()) {
            node.put("success", true);
        }
        node.put("type", side(o.side())).put("date", seconds(o.createdAt())).put("oid", o.id())
                .put("price", number(price(o))).put("amount", number(openAmount(o)));
        ArrayNode list = node.putArray("trades");
        for (SimTrade t : trades) {
            ObjectNode trade = list.addObject().put("tid", t.id()).put("type", side(t.takerSide().opposite()));
            if (tradesAsText) {
                trade.put("price", t.price().toPlainString()).put("amount", t.amount().toPlainString());
            } else {
                trade.put("price", number(t.price())).put("amount", number(t.amount()));
            }
            trade.put("o_id", t.makerOrderId());
        }
        return node;
    }

    /**
     * The socket's cancel event: {@code success, date, oid, type, price, amount, pair, cancelled}; bitexbit
     * adds {@code cancel_order_id}, the id of the cancel operation ({@code oid} is the cancelled order).
     */
    static ObjectNode cancelled(V1Dialect dialect, SimOrder o, long cancelId) {
        ObjectNode node = MAPPER.createObjectNode().put("success", true).put("date", seconds(o.updatedAt()))
                .put("oid", o.id());
        if (dialect.cancelOrderId()) {
            node.put("cancel_order_id", cancelId);
        }
        return node.put("type", side(o.side())).put("price", number(price(o))).put("amount", number(o.canceled()))
                .put("pair", symbol(o.pair())).put("cancelled", true);
    }

    /** A trade of the exchange lists: {@code id, price, pair, type, timestamp, amount}. */
    static ObjectNode exchange(SimTrade t, Side type) {
        return MAPPER.createObjectNode().put("id", t.id()).put("price", number(t.price())).put("pair", symbol(t.pair()))
                .put("type", side(type)).put("timestamp", seconds(t.time())).put("amount", number(t.amount()));
    }
}
