package io.exflux.reactive.venue.v1.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.reactive.internal.codec.LenientJson;
import io.exflux.reactive.venue.v1.model.V1BookEntry;
import io.exflux.reactive.venue.v1.model.V1BookEvent;
import io.exflux.reactive.venue.v1.model.V1CancelledOrder;
import io.exflux.reactive.venue.v1.model.V1Candle;
import io.exflux.reactive.venue.v1.model.V1Currency;
import io.exflux.reactive.venue.v1.model.V1Deposit;
import io.exflux.reactive.venue.v1.model.V1Exchange;
import io.exflux.reactive.venue.v1.model.V1Order;
import io.exflux.reactive.venue.v1.model.V1OrderBook;
import io.exflux.reactive.venue.v1.model.V1OrderStatus;
import io.exflux.reactive.venue.v1.model.V1Pair;
import io.exflux.reactive.venue.v1.model.V1PlacedOrder;
import io.exflux.reactive.venue.v1.model.V1Side;
import io.exflux.reactive.venue.v1.model.V1Trade;
import io.exflux.reactive.venue.v1.model.V1Wallet;
import io.exflux.reactive.venue.v1.model.V1Withdraw;
import io.exflux.reactive.venue.v1.model.V1WithdrawStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads every documented v1 answer and socket payload into its record, one reader per shape, from a JSON tree.
 * Every number may be a JSON number or a string (the documents mix them: {@code status} is {@code 3} in lists and
 * {@code "1"} for one order, trade prices are strings); every timestamp is unix seconds with a fraction, read
 * exactly ({@code date}, {@code timestamp}, chart {@code time}). A value that does not fit is an
 * {@link IllegalArgumentException} naming the field; the REST client turns it into a {@code ProtocolException}.
 */
public final class V1Codec {

    private V1Codec() {
    }

    /** A JSON array of one shape. */
    public static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("expected a JSON array, got " + kind(array));
        }
        List<T> out = new ArrayList<>(array.size());
        array.forEach(node -> out.add(element.apply(node)));
        return out;
    }

    public static V1Currency currency(JsonNode node) {
        return new V1Currency(required(node, "short_name"), LenientJson.text(node.get("sign")));
    }

    public static V1Pair pair(JsonNode node) {
        return new V1Pair(required(node, "name"), required(node, "currency1"), required(node, "currency2"),
                (int) LenientJson.longValue(field(node, "price_precision")),
                LenientJson.optionalDecimal(node.get("minimum_order_size")),
                LenientJson.optionalDecimal(node.get("maximum_order_size")));
    }

    public static V1Wallet wallet(JsonNode node) {
        return new V1Wallet(required(node, "currency"), LenientJson.decimal(field(node, "balance")),
                LenientJson.decimal(field(node, "reserve")));
    }

    /** An order; {@code status} as a number or a numeric string. */
    public static V1Order order(JsonNode node) {
        int status = (int) LenientJson.longValue(field(node, "status"));
        return new V1Order(LenientJson.longValue(field(node, "id")), required(node, "pair"),
                V1Side.of(LenientJson.text(node.get("type"))), V1OrderStatus.of(status), status,
                LenientJson.decimal(field(node, "price")), LenientJson.decimal(field(node, "amount")));
    }

    /**
     * The book: {@code sell}/{@code buy} as bitexbit (and BTC-Alpha's later documents) name them, or BTC-Alpha's
     * {@code bids}/{@code asks}, which hold sell and buy orders respectively (its document says "bids: sell orders,
     * asks, buy orders" and its example's {@code bids} price is above its {@code asks} price).
     */
    public static V1OrderBook orderBook(JsonNode node) {
        JsonNode sell = node.has("sell") ? node.get("sell") : node.get("bids");
        JsonNode buy = node.has("buy") ? node.get("buy") : node.get("asks");
        List<V1BookEntry> sells = sell == null || sell.isNull() ? List.of() : list(sell, V1Codec::bookEntry);
        List<V1BookEntry> buys = buy == null || buy.isNull() ? List.of() : list(buy, V1Codec::bookEntry);
        boolean grouped = java.util.stream.Stream.concat(sells.stream(), buys.stream()).findFirst()
                .map(entry -> entry.id() == null).orElse(false);
        return new V1OrderBook(sells, buys, grouped);
    }

    /** An order of the book, or a price level of a grouped book (no {@code id}, no {@code timestamp}). */
    public static V1BookEntry bookEntry(JsonNode node) {
        JsonNode id = node.get("id");
        return new V1BookEntry(LenientJson.decimal(field(node, "price")), LenientJson.decimal(field(node, "amount")),
                id == null || id.isNull() ? null : LenientJson.longValue(id),
                LenientJson.optionalEpochSeconds(node.get("timestamp")));
    }

    public static V1Trade trade(JsonNode node) {
        return new V1Trade(LenientJson.longValue(field(node, "tid")), V1Side.of(LenientJson.text(node.get("type"))),
                LenientJson.decimal(field(node, "price")), LenientJson.decimal(field(node, "amount")),
                LenientJson.longValue(field(node, "o_id")));
    }

    /** The answer to a created order; {@code date} in seconds with a fraction. */
    public static V1PlacedOrder placedOrder(JsonNode node) {
        return new V1PlacedOrder(success(node), LenientJson.longValue(field(node, "oid")),
                V1Side.of(LenientJson.text(node.get("type"))), LenientJson.epochSeconds(field(node, "date")),
                LenientJson.decimal(field(node, "price")), LenientJson.decimal(field(node, "amount")),
                trades(node));
    }

    public static V1CancelledOrder cancelledOrder(JsonNode node) {
        return new V1CancelledOrder(LenientJson.longValue(field(node, "order")));
    }

    public static V1Exchange exchange(JsonNode node) {
        return new V1Exchange(LenientJson.longValue(field(node, "id")), required(node, "pair"),
                V1Side.of(LenientJson.text(node.get("type"))), LenientJson.decimal(field(node, "price")),
                LenientJson.decimal(field(node, "amount")), LenientJson.epochSeconds(field(node, "timestamp")));
    }

    public static V1Deposit deposit(JsonNode node) {
        return new V1Deposit(LenientJson.longValue(field(node, "id")), required(node, "currency"),
                LenientJson.decimal(field(node, "amount")), LenientJson.epochSeconds(field(node, "timestamp")));
    }

    public static V1Withdraw withdraw(JsonNode node) {
        int status = (int) LenientJson.longValue(field(node, "status"));
        return new V1Withdraw(LenientJson.longValue(field(node, "id")), required(node, "currency"),
                LenientJson.decimal(field(node, "amount")), V1WithdrawStatus.of(status), status,
                LenientJson.epochSeconds(field(node, "timestamp")));
    }

    /** A candle; {@code time} in whole unix seconds. */
    public static V1Candle candle(JsonNode node) {
        return new V1Candle(LenientJson.epochSeconds(field(node, "time")), LenientJson.decimal(field(node, "open")),
                LenientJson.decimal(field(node, "high")), LenientJson.decimal(field(node, "low")),
                LenientJson.decimal(field(node, "close")), LenientJson.decimal(field(node, "volume")));
    }

    /**
     * A socket event: a cancel when it says {@code "cancelled": true}, else a new order. The payload may be an
     * object or a JSON string holding one.
     */
    public static V1BookEvent bookEvent(JsonNode node) {
        Boolean success = success(node);
        java.time.Instant date = LenientJson.epochSeconds(field(node, "date"));
        long oid = LenientJson.longValue(field(node, "oid"));
        V1Side type = V1Side.of(LenientJson.text(node.get("type")));
        String pair = LenientJson.text(node.get("pair"));
        JsonNode cancelled = node.get("cancelled");
        if (cancelled != null && cancelled.asBoolean(false)) {
            JsonNode cancelId = node.get("cancel_order_id");
            return new V1BookEvent.Cancel(success, date, oid,
                    cancelId == null || cancelId.isNull() ? null : LenientJson.longValue(cancelId), type,
                    LenientJson.decimal(field(node, "price")), LenientJson.decimal(field(node, "amount")), pair);
        }
        return new V1BookEvent.NewOrder(success, date, oid, type, LenientJson.decimal(field(node, "price")),
                LenientJson.decimal(field(node, "amount")), pair, trades(node));
    }

    private static List<V1Trade> trades(JsonNode node) {
        JsonNode trades = node.get("trades");
        return trades == null || trades.isNull() ? List.of() : list(trades, V1Codec::trade);
    }

    private static Boolean success(JsonNode node) {
        JsonNode success = node.get("success");
        return success == null || success.isNull() ? null : success.asBoolean();
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return value;
    }

    private static String required(JsonNode node, String name) {
        String text = LenientJson.text(field(node, name));
        if (text == null) {
            throw new IllegalArgumentException("field '" + name + "' is empty");
        }
        return text;
    }

    private static String kind(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
