package io.exflux.testkit.alp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.Side;
import io.exflux.testkit.server.ErrorReply;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.Params;
import io.exflux.testkit.server.WireNumbers;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.SimBalance;
import io.exflux.testkit.sim.SimOrder;
import io.exflux.testkit.sim.SimRejectedException;
import io.exflux.testkit.sim.SimTrade;
import io.exflux.testkit.sim.StopCondition;
import io.exflux.testkit.sim.VenueSimulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How ALP v3 spells things on the wire: JSON, decimals, sides, statuses, and the websocket frames. */
final class AlpWire {

    /** Plain decimals, never scientific notation; fractions read as BigDecimal. */
    static final ObjectMapper MAPPER = Params.MAPPER;

    /** ALP's error answers: the status and {@code {"code":..., "message":...}} with the code of the docs' table. */
    static final ErrorReply ERRORS = (status, message) -> FakeResponse.json(status, error(code(status), message));

    private AlpWire() {
    }

    static String symbol(CurrencyPair pair) {
        return pair.symbol("_");
    }

    /** {@code BTC_USDT} to a pair; null when the text is not of that form. */
    static CurrencyPair pair(String symbol) {
        if (symbol == null) {
            return null;
        }
        int underscore = symbol.indexOf('_');
        if (underscore <= 0 || underscore != symbol.lastIndexOf('_') || !symbol.equals(symbol.toUpperCase(Locale.ROOT))) {
            return null;
        }
        try {
            return CurrencyPair.of(symbol.substring(0, underscore), symbol.substring(underscore + 1));
        } catch (IllegalArgumentException notAPair) {
            return null;
        }
    }

    /** Fixed number of decimals, e.g. {@code "25705.02000000"} for 8. */
    static String fixed(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A JSON number with no trailing zeros (REST answers carry numbers, as the docs' examples). */
    static BigDecimal number(BigDecimal value) {
        return WireNumbers.plain(value);
    }

    /** Unix seconds with microseconds as a fraction, e.g. 1630862400.123456. */
    static BigDecimal seconds(Instant time) {
        return WireNumbers.unixSeconds(time);
    }

    static String iso(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static String side(Side side) {
        return side == Side.BUY ? "BID" : "ASK";
    }

    /** BUY/SELL/BID/ASK (any case) to a side; null when none of them. */
    static Side parseSide(String text) {
        if (text == null) {
            return null;
        }
        switch (text.toUpperCase(Locale.ROOT)) {
            case "BUY":
            case "BID":
                return Side.BUY;
            case "SELL":
            case "ASK":
                return Side.SELL;
            default:
                return null;
        }
    }

    /** SPOT, FUNDING, and both spellings of the margin wallets, to the spelling of responses. */
    static String parseWallet(String text) {
        if (text == null) {
            return null;
        }
        switch (text.toUpperCase(Locale.ROOT)) {
            case "SPOT":
                return "SPOT";
            case "FUNDING":
                return "FUNDING";
            case "MARGIN_CROSS":
            case "CROSS_MARGIN":
                return "CROSS_MARGIN";
            case "MARGIN_ISOLATED":
            case "ISOLATED_MARGIN":
                return "ISOLATED_MARGIN";
            default:
                return null;
        }
    }

    /** The docs' status spelling: PENDING, OPEN, PARTIAL_FILLED, FILLED, CANCELLED, PARTIAL_CANCELED, FAILED. */
    static String status(SimOrder order) {
        OrderStatus status = order.status();
        switch (status) {
            case PENDING:
                return "PENDING";
            case OPEN:
                return "OPEN";
            case PARTIALLY_FILLED:
                return "PARTIAL_FILLED";
            case FILLED:
                return "FILLED";
            case CANCELED:
            case EXPIRED:
                return order.filled().signum() > 0 ? "PARTIAL_CANCELED" : "CANCELLED";
            default:
                return "FAILED";
        }
    }

    static String stopOperator(StopCondition condition) {
        if (condition == null) {
            return "";
        }
        return condition == StopCondition.AT_OR_ABOVE ? "GTE" : "LTE";
    }

    /**
     * One order as {@code GET /api/v3/accounts/order} shows it; {@code allOrNone} when it was placed as
     * {@code AON} (run as fill-or-kill, reported as sent). A stop that never triggered was never open.
     */
    static ObjectNode orderJson(SimOrder o, boolean allOrNone) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", o.id());
        node.put("account_id", o.accountId());
        node.put("pair", symbol(o.pair()));
        node.put("amount", number(o.amount() != null ? o.amount() : o.filled()));
        node.put("price", number(o.limitPrice() != null ? o.limitPrice() : BigDecimal.ZERO));
        node.put("side", side(o.side()));
        node.put("status", status(o));
        node.put("type", o.type().name());
        node.put("wallet_type", o.wallet());
        node.put("amount_canceled", number(o.canceled()));
        node.put("amount_filled", number(o.filled()));
        node.put("date", iso(o.createdAt()));
        boolean neverOpen = o.status() == OrderStatus.PENDING || (o.stopPrice() != null && !o.triggered());
        node.put("open_at", neverOpen ? null : iso(o.createdAt()));
        node.put("tif", allOrNone ? "AON" : o.timeInForce().name());
        node.put("updated_at", iso(o.updatedAt()));
        node.put("done_at", iso(o.doneAt()));
        node.putNull("expire_after");
        if (o.stopPrice() == null) {
            node.putNull("stop_price");
        } else {
            node.put("stop_price", number(o.stopPrice()));
        }
        return node;
    }

    /** The private {@code o} frame: 19 elements. */
    static String orderFrame(long ts, SimOrder o, MarketSpec spec) {
        int ps = spec.pricePrecision();
        int as = spec.amountPrecision();
        ArrayNode frame = MAPPER.createArrayNode();
        frame.add("o").add(ts).add(o.id()).add(symbol(o.pair())).add(side(o.side())).add(o.type().name());
        frame.add(fixed(o.amount() == null ? BigDecimal.ZERO : o.amount(), as));
        frame.add(fixed(o.limitPrice() == null ? BigDecimal.ZERO : o.limitPrice(), ps));
        frame.add(fixed(o.remaining(), as));
        frame.add(fixed(o.filled(), as));
        frame.add(fixed(o.canceled(), as));
        frame.add(fixed(o.filledValue(), ps));
        BigDecimal average = o.averagePrice();
        if (average == null) {
            frame.addNull();
        } else {
            frame.add(fixed(average, ps));
        }
        if (o.doneAt() == null) {
            frame.addNull();
        } else {
            frame.add(BigDecimal.valueOf(o.doneAt().toEpochMilli(), 3));
        }
        frame.add(status(o));
        if (o.quoteAmount() == null) {
            frame.addNull();
        } else {
            frame.add(fixed(o.quoteAmount(), ps));
        }
        frame.add(o.wallet());
        // the docs' example shows "0.00" and "" for an order without a stop
        frame.add(fixed(o.stopPrice() == null ? BigDecimal.ZERO : o.stopPrice(), ps));
        frame.add(stopOperator(o.stopCondition()));
        return frame.toString();
    }

    /** The private {@code w} frame: {@code ["w", ts, code, wallet_type, "", balance, reserve]}. */
    static String walletFrame(long ts, SimBalance b) {
        ArrayNode frame = MAPPER.createArrayNode();
        frame.add("w").add(ts).add(b.currency()).add(b.wallet()).add("")
                .add(number(b.total()).toPlainString()).add(number(b.reserved()).toPlainString());
        return frame.toString();
    }

    /** The public {@code t} frame: amount before price, lower-case taker direction. */
    static String tradeFrame(long ts, SimTrade t, MarketSpec spec) {
        ArrayNode frame = MAPPER.createArrayNode();
        frame.add("t").add(ts).add(t.id()).add(symbol(t.pair()))
                .add(fixed(t.amount(), spec.amountPrecision()))
                .add(fixed(t.price(), spec.pricePrecision()))
                .add(t.takerSide() == Side.BUY ? "buy" : "sell");
        return frame.toString();
    }

    /** Whether an order type is one ALP knows. */
    static OrderType parseOrderType(String text) {
        if (text == null) {
            return null;
        }
        switch (text.toUpperCase(Locale.ROOT)) {
            case "LIMIT":
                return OrderType.LIMIT;
            case "MARKET":
                return OrderType.MARKET;
            case "STOP_LIMIT":
                return OrderType.STOP_LIMIT;
            case "STOP_MARKET":
                return OrderType.STOP_MARKET;
            default:
                return null;
        }
    }

    /** The code of the docs' error table for a status. */
    static String code(int status) {
        switch (status) {
            case 400:
                return "BAD_REQUEST";
            case 401:
                return "UNAUTHORIZED";
            case 403:
                return "FORBIDDEN";
            case 404:
                return "NOT_FOUND";
            case 405:
                return "METHOD_NOT_ALLOWED";
            case 406:
                return "NOT_ACCEPTABLE";
            case 413:
                return "PAYLOAD_TOO_LARGE";
            case 422:
                return "VALIDATION_ERROR";
            case 429:
                return "TOO_MANY_REQUESTS";
            case 503:
                return "SERVICE_UNAVAILABLE";
            default:
                return status >= 500 ? "INTERNAL_ERROR" : "ERROR";
        }
    }

    /** An error body {@code {"code":..., "message":...}}. */
    static String error(String code, String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("code", code);
        node.put("message", message);
        return node.toString();
    }

    /** A 200 answer with this JSON. */
    static FakeResponse ok(com.fasterxml.jackson.databind.JsonNode node) {
        return FakeResponse.json(200, node.toString());
    }

    /** A market by its ALP name; 400 "pair not found" for a pair the venue does not list. */
    static MarketSpec market(VenueSimulator sim, Params p, String symbol) {
        CurrencyPair pair = AlpWire.pair(symbol);
        return (pair == null ? java.util.Optional.<MarketSpec>empty() : sim.market(pair))
                .orElseThrow(() -> p.badRequest("pair not found"));
    }

    /** The venue's answer to an order or cancel the matching engine refused. */
    static FakeResponse rejection(SimRejectedException rejected) {
        switch (rejected.reason()) {
            case INVALID_AMOUNT:
                return FakeResponse.json(400, AlpWire.error("1003", "invalid order amount"));
            case AMOUNT_TOO_SMALL:
            case AMOUNT_TOO_LARGE:
            case VALUE_TOO_SMALL:
                return FakeResponse.json(400, AlpWire.error("1003", rejected.getMessage()));
            case INSUFFICIENT_FUNDS:
                return FakeResponse.json(400, AlpWire.error("INSUFFICIENT_FUNDS", "insufficient funds"));
            case ORDER_NOT_FOUND:
                return FakeResponse.json(404, AlpWire.error("NOT_FOUND", "order not found"));
            case UNKNOWN_ACCOUNT:
                return FakeResponse.json(401, AlpWire.error("UNAUTHORIZED", "account not found"));
            default:
                return FakeResponse.json(400, AlpWire.error("BAD_REQUEST", rejected.getMessage()));
        }
    }
}
