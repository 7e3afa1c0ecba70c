package io.exflux.reactive.venue.alp.internal;

import static io.exflux.reactive.internal.codec.JsonValues.decimal;
import static io.exflux.reactive.internal.codec.JsonValues.epochSeconds;
import static io.exflux.reactive.internal.codec.JsonValues.longValue;
import static io.exflux.reactive.internal.codec.JsonValues.nextValue;
import static io.exflux.reactive.internal.codec.JsonValues.optionalDecimal;
import static io.exflux.reactive.internal.codec.JsonValues.packedDecimal;
import static io.exflux.reactive.internal.codec.JsonValues.text;
import static io.exflux.reactive.internal.codec.JsonValues.textIs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.reactive.internal.book.ScaledBookUpdate;
import io.exflux.reactive.internal.book.ScaledDecimals;
import io.exflux.reactive.internal.codec.BoundedDecimals;
import io.exflux.reactive.internal.codec.JsonFrameReader;
import io.exflux.reactive.internal.codec.PackedDecimal;
import io.exflux.reactive.internal.codec.JsonText;
import io.exflux.reactive.internal.codec.JsonValues;
import io.exflux.reactive.venue.alp.model.AlpDepth;
import io.exflux.reactive.venue.alp.model.AlpDiff;
import io.exflux.reactive.venue.alp.model.AlpLevel;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.alp.model.AlpTickerUpdate;
import io.exflux.reactive.venue.alp.model.AlpWsTicker;
import io.exflux.reactive.venue.alp.model.AlpWsTrade;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames that carry market data ({@code t}, {@code d}, {@code p}, {@code tk}) read token by token from the
 * streaming parser into their records, with no tree in between: the same records, values and errors as the
 * tree reading of the other frames in {@link AlpFrameDecoder}. Elements after the documented ones, and unknown
 * fields of the market depth object, are skipped (the caller closes the frame). Trades and diffs spelled plainly never
 * get here ({@link AlpPlainFrames} reads them from their bytes); these read the ones it leaves, and malformed ones.
 */
final class AlpHotFrames {

    private static final Logger LOG = LoggerFactory.getLogger(AlpHotFrames.class);
    private static final int TICKER_VALUES = 8;
    /** Scratch references of a ticker row: its symbol, then its eight values' places for one that does not pack. */
    private static final int ROW_OBJECTS = 1 + TICKER_VALUES;
    private static final int SKIPPED = 0;
    private static final int KEPT = 1;
    private static final int KEPT_WIDE = 2;
    private static final AlpModelAccess.Records RECORDS = AlpModelAccess.records();

    private AlpHotFrames() {
    }

    /**
     * Reads the rest of a market-data frame whose type string is the parser's current token.
     *
     * @return its record, or {@code null} (nothing read) when the type is not one of these frames
     */
    static AlpMessage read(JsonParser p, JsonFrameReader reader) throws IOException {
        if (textIs(p, "t")) {
            return trade(p);
        }
        if (textIs(p, "d")) {
            return diff(p, reader);
        }
        if (textIs(p, "p")) {
            return depth(p);
        }
        if (textIs(p, "tk")) {
            return tickers(p, reader);
        }
        return null;
    }

    /** {@code ["t", time, tradeId, pair, amount, price, direction]}; amount and price packed when they fit. */
    private static AlpWsTrade trade(JsonParser p) throws IOException {
        nextValue(p, "trade time");
        Instant time = epochSeconds(p);
        nextValue(p, "trade id");
        long id = longValue(p);
        nextValue(p, "trade pair");
        String pair = text(p);
        nextValue(p, "trade amount");
        long amount = packedDecimal(p);
        BigDecimal wideAmount = amount == PackedDecimal.NONE ? decimal(p) : null;
        nextValue(p, "trade price");
        long price = packedDecimal(p);
        BigDecimal widePrice = price == PackedDecimal.NONE ? decimal(p) : null;
        nextValue(p, "trade direction");
        return RECORDS.trade(time, id, pair, amount, wideAmount, price, widePrice, text(p));
    }

    /**
     * {@code ["d", time, symbol, [asks, bids]]}, each side {@code null} or {@code [[price, quantity, ...], ...]}:
     * the levels packed into one array (in the reader's scratch array first), no object per level or value.
     */
    private static AlpDiff diff(JsonParser p, JsonFrameReader reader) throws IOException {
        nextValue(p, "diff time");
        Instant time = epochSeconds(p);
        nextValue(p, "diff symbol");
        String symbol = text(p);
        if (nextValue(p, "diff data") != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("diff data is not an array");
        }
        long[] values = reader.longs(4);
        BigDecimal[] wide = null;
        int count = 0;
        int askCount = 0;
        for (int side = 0; side < 2; side++) {
            if (p.nextToken() == JsonToken.END_ARRAY) {
                throw new IllegalArgumentException("diff data is not [asks, bids]");
            }
            JsonToken token = p.currentToken();
            if (token != JsonToken.VALUE_NULL) {
                if (token != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException("levels is not an array");
                }
                while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (token != JsonToken.START_ARRAY) {
                        throw new IllegalArgumentException("book level is not [price, quantity]");
                    }
                    values = reader.longs(count + 2);
                    nextValue(p, "book level price");
                    values[count] = packedDecimal(p);
                    wide = keepWide(p, values[count], wide, count);
                    count++;
                    nextValue(p, "book level quantity");
                    values[count] = packedDecimal(p);
                    wide = keepWide(p, values[count], wide, count);
                    count++;
                    skipToEnd(p, "a book level");
                }
            }
            if (side == 0) {
                askCount = count / 2;
            }
        }
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw new IllegalArgumentException("diff data is not [asks, bids]");
        }
        return RECORDS.diff(time, symbol, Arrays.copyOf(values, count), wide == null ? null : Arrays.copyOf(wide, count),
                askCount);
    }

    /** The value at {@code index} as a {@code BigDecimal} in {@code wide} (made when needed) if it did not pack. */
    private static BigDecimal[] keepWide(JsonParser p, long packed, BigDecimal[] wide, int index) throws IOException {
        if (packed != PackedDecimal.NONE) {
            return wide;
        }
        BigDecimal[] kept = wide == null ? new BigDecimal[Math.max(8, 2 * index)]
                : wide.length <= index ? Arrays.copyOf(wide, 2 * index) : wide;
        kept[index] = decimal(p);
        return kept;
    }

    /** {@code ["p", time, {"Asks", "Bids", "Symbol", "TotalAsks", "TotalBids"}]}, fields in any order. */
    private static AlpDepth depth(JsonParser p) throws IOException {
        nextValue(p, "market depth time");
        Instant time = epochSeconds(p);
        if (nextValue(p, "market depth") != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("market depth payload is not an object");
        }
        String symbol = null;
        List<AlpLevel> asks = null;
        List<AlpLevel> bids = null;
        BigDecimal totalAsks = null;
        BigDecimal totalBids = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "Symbol" -> symbol = text(p);
                case "Asks" -> asks = levels(p);
                case "Bids" -> bids = levels(p);
                case "TotalAsks" -> totalAsks = optionalDecimal(p);
                case "TotalBids" -> totalBids = optionalDecimal(p);
                default -> JsonValues.skip(p);
            }
        }
        return new AlpDepth(time, required(symbol, "Symbol"), required(asks, "Asks"), required(bids, "Bids"),
                totalAsks, totalBids);
    }

    /**
     * {@code ["tk", time, row...]}. A row with fewer than nine elements is skipped with a warning (so does the
     * official client), even when its values would not read. The values go packed into the reader's scratch array,
     * eight a row; a one-row frame becomes an update that holds its row itself.
     */
    private static AlpTickerUpdate tickers(JsonParser p, JsonFrameReader reader) throws IOException {
        nextValue(p, "ticker time");
        Instant time = epochSeconds(p);
        int count = 0;
        boolean anyWide = false;
        try {
            while (nextRow(p)) {
                long[] values = reader.longs((count + 1) * TICKER_VALUES);
                Object[] objects = reader.objects((count + 1) * ROW_OBJECTS);
                int read = tickerRow(p, values, objects, count);
                if (read != SKIPPED) {
                    anyWide |= read == KEPT_WIDE;
                    count++;
                }
            }
            long[] values = reader.longs(TICKER_VALUES);
            Object[] objects = reader.objects(ROW_OBJECTS);
            BigDecimal[] wide = anyWide ? wideValues(objects, count) : null;
            if (count == 1) {
                return RECORDS.ticker(time, (String) objects[0], values, wide, 0);
            }
            List<AlpWsTicker> rows = new ArrayList<>(count);
            for (int row = 0; row < count; row++) {
                rows.add(RECORDS.tickerRow((String) objects[row * ROW_OBJECTS], values, wide, row * TICKER_VALUES));
            }
            return new AlpTickerUpdate(time, rows);
        } finally {
            Object[] objects = reader.objects(0);
            Arrays.fill(objects, 0, Math.min(objects.length, (count + 1) * ROW_OBJECTS), null);
        }
    }

    /** The values that do not pack, from the scratch references, at their index in the rows' values. */
    private static BigDecimal[] wideValues(Object[] objects, int rows) {
        BigDecimal[] wide = new BigDecimal[rows * TICKER_VALUES];
        for (int row = 0; row < rows; row++) {
            for (int i = 0; i < TICKER_VALUES; i++) {
                wide[row * TICKER_VALUES + i] = (BigDecimal) objects[row * ROW_OBJECTS + 1 + i];
            }
        }
        return wide;
    }

    private static boolean nextRow(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        if (token == JsonToken.NOT_AVAILABLE) {
            throw new IllegalArgumentException("the frame ends inside the ticker rows");
        }
        return token != JsonToken.END_ARRAY;
    }

    /**
     * Row {@code row}'s values into {@code values} (eight a row), packed; its symbol into {@code objects} (nine
     * references a row: the symbol, then a value that does not pack at its place, else {@code null}).
     *
     * @return {@link #SKIPPED}, {@link #KEPT} or {@link #KEPT_WIDE} (a value did not pack)
     */
    private static int tickerRow(JsonParser p, long[] values, Object[] objects, int row) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            LOG.warn("ALP ticker row that is not an array skipped: {}", p.currentToken());
            JsonValues.skip(p);
            return SKIPPED;
        }
        int at = row * TICKER_VALUES;
        int refs = row * ROW_OBJECTS;
        Arrays.fill(objects, refs, refs + ROW_OBJECTS, null); // a skipped row may have left its own
        boolean wide = false;
        RuntimeException unreadable = null;
        int count = 0;
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken(), count++) {
            if (token == JsonToken.NOT_AVAILABLE) {
                throw new IllegalArgumentException("the frame ends inside a ticker row");
            }
            try {
                if (count == 0) {
                    objects[refs] = text(p);
                } else if (count <= TICKER_VALUES) {
                    values[at + count - 1] = packedDecimal(p);
                    if (values[at + count - 1] == PackedDecimal.NONE) {
                        objects[refs + count] = decimal(p);
                        wide = true;
                    }
                } else {
                    JsonValues.skip(p);
                }
            } catch (IllegalArgumentException e) {
                unreadable = unreadable == null ? e : unreadable; // thrown only if the row is long enough to count
                JsonValues.skip(p);
            }
        }
        if (count < TICKER_VALUES + 1) {
            // the official client skips short rows too; we say so rather than drop it silently
            LOG.warn("ALP ticker row with {} elements (fewer than {}) skipped", count, TICKER_VALUES + 1);
            return SKIPPED;
        }
        if (unreadable != null) {
            throw unreadable;
        }
        return wide ? KEPT_WIDE : KEPT;
    }

    /** A side: {@code null} is none; else an array of {@code [price, quantity, ...]}. */
    private static List<AlpLevel> levels(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (token != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("levels is not an array");
        }
        // most diffs touch one or two levels a side: those become List.of(...) directly, which the record keeps
        AlpLevel first = null;
        AlpLevel second = null;
        List<AlpLevel> more = null;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            AlpLevel level = level(p, token);
            if (first == null) {
                first = level;
            } else if (second == null) {
                second = level;
            } else {
                if (more == null) {
                    more = new ArrayList<>();
                    more.add(first);
                    more.add(second);
                }
                more.add(level);
            }
        }
        return more != null ? more : second != null ? List.of(first, second) : first != null ? List.of(first) : List.of();
    }

    /** {@code [price, quantity, ...]}, the parser on its first token. */
    private static AlpLevel level(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("book level is not [price, quantity]");
        }
        nextValue(p, "book level price");
        BigDecimal price = decimal(p);
        nextValue(p, "book level quantity");
        BigDecimal amount = decimal(p);
        skipToEnd(p, "a book level");
        return new AlpLevel(price, amount);
    }

    /** Skips the elements left in the current array, and its end. */
    private static void skipToEnd(JsonParser p, String what) throws IOException {
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            if (token == JsonToken.NOT_AVAILABLE) {
                throw new IllegalArgumentException("the frame ends inside " + what);
            }
            JsonValues.skip(p);
        }
    }

    /**
     * A {@code d} frame of {@code symbol} into {@code into}, prices and amounts scaled without a {@code BigDecimal}:
     * the same update as {@code AlpMapper.diff} of its record, for {@code OrderBookEngine.apply(ScaledBookUpdate)}.
     * The parser stands on the frame's type.
     *
     * @return false (nothing written) when the frame is another type or another symbol's diff
     */
    static boolean diffInto(JsonParser p, JsonText text, String symbol, ScaledBookUpdate into, int priceScale,
                            int amountScale) throws IOException {
        if (!textIs(p, "d")) {
            return false;
        }
        nextValue(p, "diff time");
        Instant time = epochSeconds(p);
        nextValue(p, "diff symbol");
        if (!textIs(p, symbol)) {
            return false;
        }
        if (nextValue(p, "diff data") != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("diff data is not an array");
        }
        into.reset(OrderBookUpdate.Kind.DELTA, OrderBookUpdate.Mode.DIFFERENCE, -1, -1, time);
        if (p.nextToken() == JsonToken.END_ARRAY) {
            throw new IllegalArgumentException("diff data is not [asks, bids]");
        }
        scaledLevels(p, text, into, false, priceScale, amountScale);
        if (p.nextToken() == JsonToken.END_ARRAY) {
            throw new IllegalArgumentException("diff data is not [asks, bids]");
        }
        scaledLevels(p, text, into, true, priceScale, amountScale);
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw new IllegalArgumentException("diff data is not [asks, bids]");
        }
        return true;
    }

    private static void scaledLevels(JsonParser p, JsonText text, ScaledBookUpdate into, boolean bids, int priceScale,
                                     int amountScale) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("levels is not an array");
        }
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("book level is not [price, quantity]");
            }
            nextValue(p, "book level price");
            long price = ScaledDecimals.parse(number(p, text), priceScale, "price");
            nextValue(p, "book level quantity");
            long amount = ScaledDecimals.parse(number(p, text), amountScale, "amount");
            skipToEnd(p, "a book level");
            if (bids) {
                into.addBid(price, amount);
            } else {
                into.addAsk(price, amount);
            }
        }
    }

    /** The text of a number sent as a JSON number or a string, bounded as every number is. */
    private static JsonText number(JsonParser p, JsonText text) throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT
                && token != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("not a number: " + token);
        }
        if (p.getTextLength() > BoundedDecimals.MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("number text of " + p.getTextLength() + " characters");
        }
        return text.of(p);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("market depth has no " + field);
        }
        return value;
    }
}
