package io.exflux.reactive.venue.v1.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exflux.reactive.internal.codec.JsonValues;
import io.exflux.reactive.internal.codec.PackedDecimal;
import io.exflux.reactive.internal.engineio.BoundedTokens;
import io.exflux.reactive.venue.v1.model.V1BookEvent;
import io.exflux.reactive.venue.v1.model.V1Side;
import io.exflux.reactive.venue.v1.model.V1Trade;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a v1 book event (a new order with its trades, or a cancel) from a streaming parser standing on the
 * payload object, straight into its {@link V1BookEvent}: the hot path of {@link V1Events}, no tree. It gives
 * what {@link V1Codec#bookEvent} gives for the same payload, or declines ({@code null}) so that the tree reads
 * it: a payload without {@code oid} (the tree skips it or looks further), a field given twice, a boolean or a
 * pair of an unusual type, an integer too long for a {@code long}.
 *
 * <p>Fields come in any order and the record's kind is known only at the end ({@code cancelled} comes last in
 * the documents), so values are read as they come and an unreadable one is held until the end: the tree
 * refuses only the fields its record uses. A JSON number with an absurd exponent or length anywhere in the
 * payload is refused at once, as the tree's parser refuses it. One scratch per thread; the caller wraps
 * the {@link IllegalArgumentException}s into its venue's {@code ProtocolException}.
 */
final class V1EventReader {

    private static final ThreadLocal<Fields> SCRATCH = ThreadLocal.withInitial(Fields::new);

    private static final int SUCCESS = 1;
    private static final int DATE = 1 << 1;
    private static final int OID = 1 << 2;
    private static final int TYPE = 1 << 3;
    private static final int PAIR = 1 << 4;
    private static final int CANCELLED = 1 << 5;
    private static final int CANCEL_ID = 1 << 6;
    private static final int PRICE = 1 << 7;
    private static final int AMOUNT = 1 << 8;
    private static final int TRADES = 1 << 9;
    private static final int TID = 1 << 10;
    private static final int O_ID = 1 << 11;

    private V1EventReader() {
    }

    /**
     * The event of the payload the parser stands on ({@code START_OBJECT}), the parser left on its
     * {@code END_OBJECT}; {@code null} to leave the payload to the tree (the parser may then stand anywhere).
     *
     * @throws IllegalArgumentException when the payload is a book event that does not read
     */
    static V1BookEvent read(JsonParser parser) throws IOException {
        Fields f = SCRATCH.get();
        f.reset();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            int field = field(parser, false);
            if ((f.seen & field) != 0) {
                return null; // the tree keeps the last of a field given twice
            }
            f.seen |= field;
            parser.nextToken();
            if (!f.value(field, parser)) {
                return null;
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IllegalArgumentException("the frame ends inside the event");
        }
        return (f.seen & OID) == 0 ? null : f.event();
    }

    /** The bit of a payload's (or, with {@code inTrade}, a trade's) field; 0 for a field not read. */
    private static int field(JsonParser parser, boolean inTrade) throws IOException {
        String name = parser.currentName();
        int field = inTrade ? tradeFieldByReference(name) : fieldByReference(name);
        return field != 0 ? field : fieldByText(name, inTrade);
    }

    /**
     * The payload's fields by reference: the parser interns the names it reads (Jackson's
     * {@code INTERN_FIELD_NAMES}, on by default), so the usual field is found without reading its text; 0 for
     * any other (then read by its text: the answer does not depend on the interning).
     */
    @SuppressWarnings("StringEquality")
    private static int fieldByReference(String name) {
        return name == "date" ? DATE : name == "oid" ? OID : name == "type" ? TYPE : name == "price" ? PRICE
                : name == "amount" ? AMOUNT : name == "pair" ? PAIR : name == "trades" ? TRADES
                : name == "success" ? SUCCESS : name == "cancelled" ? CANCELLED
                : name == "cancel_order_id" ? CANCEL_ID : 0;
    }

    /** A trade's fields by reference, as {@link #fieldByReference}. */
    @SuppressWarnings("StringEquality")
    private static int tradeFieldByReference(String name) {
        return name == "tid" ? TID : name == "type" ? TYPE : name == "price" ? PRICE : name == "amount" ? AMOUNT
                : name == "o_id" ? O_ID : 0;
    }

    /**
     * {@link #field} by length, then text: a {@code switch} on the name would hash it, and the parser's names come
     * without a cached hash.
     */
    private static int fieldByText(String name, boolean inTrade) {
        switch (name.length()) {
            case 3:
                return inTrade ? ("tid".equals(name) ? TID : 0) : ("oid".equals(name) ? OID : 0);
            case 4:
                if ("type".equals(name)) {
                    return TYPE;
                }
                if (inTrade) {
                    return "o_id".equals(name) ? O_ID : 0;
                }
                return "date".equals(name) ? DATE : "pair".equals(name) ? PAIR : 0;
            case 5:
                return "price".equals(name) ? PRICE : 0;
            case 6:
                return "amount".equals(name) ? AMOUNT : !inTrade && "trades".equals(name) ? TRADES : 0;
            case 7:
                return !inTrade && "success".equals(name) ? SUCCESS : 0;
            case 9:
                return !inTrade && "cancelled".equals(name) ? CANCELLED : 0;
            case 15:
                return !inTrade && "cancel_order_id".equals(name) ? CANCEL_ID : 0;
            default:
                return 0;
        }
    }

    /** A JSON {@code null}, which the tree's readers take for a missing field. */
    private static boolean isNull(JsonParser parser) {
        return parser.currentToken() == JsonToken.VALUE_NULL;
    }

    /** An integer beyond a {@code long}: the tree reads it its own way (it cuts it to a {@code long}). */
    private static boolean isBigInteger(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                && parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER;
    }

    /**
     * A value that does not read: refused now if the tree's parser would refuse the frame for it (a number out
     * of range), else held; a container is skipped.
     */
    private static RuntimeException unreadable(JsonParser parser, RuntimeException e) throws IOException {
        if (BoundedTokens.outOfRange(parser)) {
            throw e;
        }
        BoundedTokens.skip(parser);
        return e;
    }

    private static IllegalArgumentException missing(String name) {
        return new IllegalArgumentException("field '" + name + "' is missing");
    }

    private static V1Side side(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            // the documents' words compared in the parser's text; any other spelling as V1Side reads it
            return JsonValues.textIs(parser, "buy") ? V1Side.BUY : JsonValues.textIs(parser, "sell") ? V1Side.SELL
                    : V1Side.of(JsonValues.text(parser));
        }
        BoundedTokens.skip(parser);
        return V1Side.UNKNOWN; // the tree's text of a number, a boolean or a container is no side either
    }

    /** One time value as epoch seconds and nanos (no {@code Instant}: the event makes it on access), or its error held. */
    private static final class TimeSlot {
        private static final long NANOS_PER_SECOND = 1_000_000_000L;
        long seconds;
        int nanos;
        boolean present;
        RuntimeException error;

        void reset() {
            present = false;
            error = null;
        }

        /** Reads a time (unix seconds, or what {@link JsonValues#epochSeconds} reads); false to decline. */
        boolean read(JsonParser parser) throws IOException {
            if (isBigInteger(parser)) {
                return false;
            }
            if (!isNull(parser)) {
                try {
                    long plain = JsonValues.plainEpochNanos(parser);
                    if (plain != JsonValues.NOT_PLAIN) {
                        seconds = plain / NANOS_PER_SECOND;
                        nanos = (int) (plain % NANOS_PER_SECOND);
                    } else {
                        Instant time = JsonValues.epochSeconds(parser);
                        seconds = time.getEpochSecond();
                        nanos = time.getNano();
                    }
                    present = true;
                } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
                    error = unreadable(parser, e);
                }
            }
            return true;
        }

        /** Throws the held error, else (null or absent) a missing field. */
        void require(String name) {
            if (error != null) {
                throw error;
            }
            if (!present) {
                throw missing(name);
            }
        }
    }

    /** One decimal: packed (or {@code NONE} with its {@code BigDecimal} in {@link #wide}), or its error held. */
    private static final class DecimalSlot {
        long packed;
        BigDecimal wide;
        boolean present;
        RuntimeException error;

        void reset() {
            wide = null;
            present = false;
            error = null;
        }

        /** The packed value, else the held error, else (null or absent) a missing field. */
        long required(String name) {
            if (error != null) {
                throw error;
            }
            if (!present) {
                throw missing(name);
            }
            return packed;
        }

        void copy(DecimalSlot other) {
            packed = other.packed;
            wide = other.wide;
            present = other.present;
            error = other.error;
        }
    }

    /** One whole-number value: read, or its error held, without boxing. */
    private static final class LongSlot {
        long value;
        boolean present;
        RuntimeException error;

        void reset() {
            present = false;
            error = null;
        }

        long required(String name) {
            if (error != null) {
                throw error;
            }
            if (!present) {
                throw missing(name);
            }
            return value;
        }

        void copy(LongSlot other) {
            value = other.value;
            present = other.present;
            error = other.error;
        }

        /** Reads a whole number (a JSON integer or numeric text); false to decline. */
        boolean read(JsonParser parser) throws IOException {
            if (isBigInteger(parser)) {
                return false;
            }
            if (!isNull(parser)) {
                try {
                    value = JsonValues.longValue(parser);
                    present = true;
                } catch (IllegalArgumentException | ArithmeticException e) {
                    error = unreadable(parser, e);
                }
            }
            return true;
        }
    }

    /** What one payload has read so far; reused event after event on one thread. */
    private static final class Fields {
        int seen;
        Boolean success;
        boolean cancelled;
        V1Side type;
        String pair;
        final TimeSlot date = new TimeSlot();
        final LongSlot oid = new LongSlot();
        final LongSlot cancelId = new LongSlot();
        final DecimalSlot price = new DecimalSlot();
        final DecimalSlot amount = new DecimalSlot();
        /** Trades read so far; the first is kept in {@link #first} until a second comes. */
        int tradeCount;
        final Trade first = new Trade();
        final List<V1Trade> trades = new ArrayList<>();
        RuntimeException tradesError;
        final Trade trade = new Trade();

        void reset() {
            seen = 0;
            success = null;
            cancelled = false;
            type = V1Side.UNKNOWN;
            pair = null;
            date.reset();
            oid.reset();
            cancelId.reset();
            price.reset();
            amount.reset();
            tradeCount = 0;
            trades.clear();
            tradesError = null;
        }

        /** Reads the value of {@code field}; false to decline the payload. */
        boolean value(int field, JsonParser parser) throws IOException {
            switch (field) {
                case SUCCESS -> {
                    JsonToken token = parser.currentToken();
                    if (token != JsonToken.VALUE_NULL && !token.isBoolean()) {
                        return false;
                    }
                    success = token == JsonToken.VALUE_NULL ? null : token == JsonToken.VALUE_TRUE;
                }
                case CANCELLED -> {
                    JsonToken token = parser.currentToken();
                    if (token != JsonToken.VALUE_NULL && !token.isBoolean()) {
                        return false;
                    }
                    cancelled = token == JsonToken.VALUE_TRUE;
                }
                case PAIR -> {
                    if (parser.currentToken() == JsonToken.VALUE_STRING) {
                        pair = JsonValues.text(parser);
                        return !pair.isEmpty(); // the tree reads "" as no pair but routes by it
                    }
                    return isNull(parser);
                }
                case TYPE -> type = side(parser);
                case DATE -> {
                    return date.read(parser);
                }
                case OID -> {
                    return oid.read(parser);
                }
                case CANCEL_ID -> {
                    return cancelId.read(parser);
                }
                case PRICE -> {
                    return decimal(parser, price);
                }
                case AMOUNT -> {
                    return decimal(parser, amount);
                }
                case TRADES -> {
                    return trades(parser);
                }
                default -> BoundedTokens.skip(parser);
            }
            return true;
        }

        /** The event, as {@link V1Codec#bookEvent} builds it, its checks in the same order. */
        V1BookEvent event() {
            date.require("date");
            long seconds = date.seconds;
            int nanos = date.nanos;
            long id = oid.required("oid");
            V1ModelAccess.Records records = V1ModelAccess.records();
            if (cancelled) {
                if (cancelId.error != null) {
                    throw cancelId.error;
                }
                return records.cancel(success, seconds, nanos, id, cancelId.present, cancelId.value, type,
                        price.required("price"), price.wide, amount.required("amount"), amount.wide, pair);
            }
            long orderPrice = price.required("price");
            long orderAmount = amount.required("amount");
            if (tradesError != null) {
                throw tradesError;
            }
            if (tradeCount == 1) {
                BigDecimal[] wide = price.wide == null && amount.wide == null && first.price.wide == null
                        && first.amount.wide == null ? null
                        : new BigDecimal[] {price.wide, amount.wide, first.price.wide, first.amount.wide};
                return records.newOrder(success, seconds, nanos, id, type, orderPrice, orderAmount, pair, wide,
                        first.tid.value, first.type, first.price.packed, first.amount.packed, first.orderId.value);
            }
            return records.newOrder(success, seconds, nanos, id, type, orderPrice, price.wide, orderAmount, amount.wide, pair,
                    tradeCount == 0 ? List.of() : List.copyOf(trades));
        }

        /** A trade read whole: the first is held as values, a record is made for each only when there are more. */
        void add(Trade read) {
            if (tradeCount == 0) {
                read.copyTo(first);
            } else {
                V1ModelAccess.Records records = V1ModelAccess.records();
                if (tradeCount == 1) {
                    trades.add(first.toTrade(records));
                }
                trades.add(read.toTrade(records));
            }
            tradeCount++;
        }

        private boolean trades(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return true;
            }
            if (token != JsonToken.START_ARRAY) {
                tradesError = unreadable(parser, new IllegalArgumentException("expected a JSON array, got "
                        + token.asString()));
                return true;
            }
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == JsonToken.NOT_AVAILABLE) {
                    throw new IllegalArgumentException("the frame ends inside the trades");
                }
                if (token != JsonToken.START_OBJECT) {
                    BoundedTokens.skip(parser);
                    if (tradesError == null) {
                        tradesError = missing("tid");
                    }
                } else if (!trade.read(parser, this)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean decimal(JsonParser parser, DecimalSlot slot) throws IOException {
        if (isBigInteger(parser)) {
            return false;
        }
        if (!isNull(parser)) {
            try {
                long packed = JsonValues.packedDecimal(parser);
                slot.wide = packed == PackedDecimal.NONE ? JsonValues.decimal(parser) : null;
                slot.packed = packed;
                slot.present = true;
            } catch (IllegalArgumentException | ArithmeticException e) {
                slot.error = unreadable(parser, e);
            }
        }
        return true;
    }

    /** One element of {@code trades}; reused. */
    private static final class Trade {
        int seen;
        final LongSlot tid = new LongSlot();
        V1Side type;
        final DecimalSlot price = new DecimalSlot();
        final DecimalSlot amount = new DecimalSlot();
        final LongSlot orderId = new LongSlot();

        /** Reads one trade object into {@code into}'s trades (or its held error); false to decline. */
        boolean read(JsonParser parser, Fields into) throws IOException {
            seen = 0;
            tid.reset();
            type = V1Side.UNKNOWN;
            price.reset();
            amount.reset();
            orderId.reset();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                int field = field(parser, true);
                if ((seen & field) != 0) {
                    return false;
                }
                seen |= field;
                parser.nextToken();
                boolean read = switch (field) {
                    case TID -> tid.read(parser);
                    case O_ID -> orderId.read(parser);
                    case PRICE -> decimal(parser, price);
                    case AMOUNT -> decimal(parser, amount);
                    case TYPE -> {
                        type = side(parser);
                        yield true;
                    }
                    default -> {
                        BoundedTokens.skip(parser);
                        yield true;
                    }
                };
                if (!read) {
                    return false;
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw new IllegalArgumentException("the frame ends inside a trade");
            }
            if (into.tradesError == null) {
                try {
                    tid.required("tid");
                    price.required("price");
                    amount.required("amount");
                    orderId.required("o_id");
                    into.add(this);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    into.tradesError = e;
                }
            }
            return true;
        }

        /** This trade's values into {@code other}. */
        void copyTo(Trade other) {
            other.tid.copy(tid);
            other.type = type;
            other.price.copy(price);
            other.amount.copy(amount);
            other.orderId.copy(orderId);
        }

        V1Trade toTrade(V1ModelAccess.Records records) {
            return records.trade(tid.value, type, price.packed, price.wide, amount.packed, amount.wide,
                    orderId.value);
        }
    }
}
