package io.exflux.reactive.venue.btse.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.PriceLevel;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.codec.JsonFrameReader;
import io.exflux.reactive.internal.codec.LenientJson;
import io.exflux.reactive.internal.codec.PackedDecimal;
import io.exflux.reactive.internal.codec.ShortText;
import io.exflux.reactive.venue.btse.model.BtseWsAck;
import io.exflux.reactive.venue.btse.model.BtseWsBook;
import io.exflux.reactive.venue.btse.model.BtseWsError;
import io.exflux.reactive.venue.btse.model.BtseWsFill;
import io.exflux.reactive.venue.btse.model.BtseWsL1;
import io.exflux.reactive.venue.btse.model.BtseWsLogin;
import io.exflux.reactive.venue.btse.model.BtseWsMessage;
import io.exflux.reactive.venue.btse.model.BtseWsOrder;
import io.exflux.reactive.venue.btse.model.BtseWsTrade;
import io.exflux.reactive.venue.btse.model.BtseWsUnknown;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes BTSE websocket text frames of both hosts into {@link BtseWsMessage}s. Data frames
 * ({@code {"topic":...,"data":...}}, topic first, as BTSE sends them) are read with Jackson's streaming parser
 * and no tree (one reused non-blocking parser per thread, {@link JsonFrameReader}): book levels go straight into packed digits ({@link BtseWsBook}), trades into their record, texts
 * that repeat (topics, symbols, sides) come from a cache. Everything else (acks, login answers, error frames, a
 * data frame whose topic comes after its data) is read as a tree: rare frames, where clarity wins. Private
 * topics ({@code notificationApiV2}, {@code fills}) read their data as a tree too.
 *
 * <p>Thread-safe (one decoder serves every socket of a dialect); synchronous. A frame it cannot read is a
 * {@link ProtocolException} for that frame only. Every number is accepted as a JSON number or a string.
 */
public final class BtseFrameDecoder {

    private static final String BOOK_PREFIX = "update:";
    private static final String L1_PREFIX = "snapshotL1:";
    private static final String TRADES_PREFIX = "tradeHistoryApi:";
    /** The official sample's spelling of the trade topic (undocumented), accepted on input. */
    private static final String TRADES_SAMPLE_PREFIX = "tradeHistory:";

    private final TextCache texts = new TextCache();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /**
     * Decodes one frame; each message goes to {@code out} (a trade frame carries several).
     *
     * @throws ProtocolException when the frame cannot be read
     */
    public void decode(String frame, Consumer<BtseWsMessage> out) {
        Collected collected = scratch.get().collected;
        JsonFrameReader reader = JsonFrameReader.forThisThread();
        boolean streamed;
        try {
            streamed = streamed(reader.open(frame), frame, collected);
            reader.close(); // a frame cut short fails here, before any of its messages is delivered
        } catch (IOException | RuntimeException e) {
            reader.abandon();
            collected.clear();
            throw malformed(frame, e);
        }
        if (streamed) {
            collected.deliverTo(out);
            return;
        }
        try {
            tree(frame, out);
        } catch (IOException | RuntimeException e) {
            throw malformed(frame, e);
        }
    }

    /**
     * Reads a data frame of a public topic, topic first, on the reused streaming parser of this thread
     * ({@link JsonFrameReader}: no parser per frame) into {@code out}.
     *
     * @return false, with nothing read into {@code out}, when the frame is to be read as a tree
     */
    private boolean streamed(JsonParser parser, String frame, Collected out) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new ProtocolException("BTSE frame is not a JSON object: " + ShortText.of(frame));
        }
        if (parser.nextToken() != JsonToken.FIELD_NAME || !"topic".equals(parser.currentName())
                || parser.nextToken() != JsonToken.VALUE_STRING) {
            return false;
        }
        String topic = text(parser);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if ("data".equals(name)) {
                if (!isPublicData(topic)) {
                    return false; // private updates are read as a tree, from the frame's text
                }
                data(topic, parser, frame, out);
                return true;
            }
            parser.skipChildren();
        }
        out.accept(new BtseWsUnknown(topic, frame));
        return true;
    }

    private static boolean isPublicData(String topic) {
        return topic.startsWith(BOOK_PREFIX) || topic.startsWith(TRADES_PREFIX)
                || topic.startsWith(TRADES_SAMPLE_PREFIX) || topic.startsWith(L1_PREFIX);
    }

    /** Decodes one frame into a list (tests, tools). */
    public List<BtseWsMessage> decodeAll(String frame) {
        List<BtseWsMessage> messages = new ArrayList<>();
        decode(frame, messages::add);
        return messages;
    }

    private static ProtocolException malformed(String frame, Exception e) {
        if (e instanceof ProtocolException protocol) {
            return protocol;
        }
        return new ProtocolException("unreadable BTSE frame (" + e.getClass().getSimpleName() + "): "
                + ShortText.of(frame), null, e);
    }

    // ---------------------------------------------------------------- data, streamed

    /** {@code parser} stands on the first token of {@code data}. */
    private void data(String topic, JsonParser parser, String frame, Consumer<BtseWsMessage> out) throws IOException {
        if (topic.startsWith(BOOK_PREFIX)) {
            out.accept(book(topic, parser));
        } else if (topic.startsWith(TRADES_PREFIX) || topic.startsWith(TRADES_SAMPLE_PREFIX)) {
            trades(topic, parser, out);
        } else if (topic.startsWith(L1_PREFIX)) {
            out.accept(l1(topic, parser));
        } else if (topic.equals(BtseWsTopics.ORDERS)) {
            each(Json.mapper().readTree(parser), node -> out.accept(order(node)));
        } else if (topic.equals(BtseWsTopics.FILLS)) {
            each(Json.mapper().readTree(parser), node -> out.accept(fill(node)));
        } else {
            parser.skipChildren();
            out.accept(new BtseWsUnknown(topic, frame));
        }
    }

    private BtseWsBook book(String topic, JsonParser parser) throws IOException {
        Scratch levels = levels(topic, parser);
        if (levels.type == null) {
            throw new ProtocolException("BTSE book frame of " + topic + " without a known type");
        }
        PackedLevels bids = levels.bids;
        PackedLevels asks = levels.asks;
        return BtseModelAccess.records().book(topic, levels.symbol(topic), levels.type, levels.seqNum,
                levels.prevSeqNum, levels.timestamp, bids.digits, bids.scales, bids.size, asks.digits, asks.scales,
                asks.size);
    }

    private BtseWsL1 l1(String topic, JsonParser parser) throws IOException {
        Scratch levels = levels(topic, parser);
        return new BtseWsL1(topic, levels.symbol(topic), levels.bids.toList(), levels.asks.toList(),
                Instant.ofEpochMilli(levels.timestamp));
    }

    /** Reads a book-shaped {@code data} object into this thread's scratch. */
    private Scratch levels(String topic, JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT, topic);
        Scratch levels = scratch.get();
        levels.reset();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "bids" -> readLevels(parser, levels.bids, levels.digits);
                case "asks" -> readLevels(parser, levels.asks, levels.digits);
                case "seqNum" -> levels.seqNum = longValue(parser, levels.digits, "seqNum");
                case "prevSeqNum" -> levels.prevSeqNum = longValue(parser, levels.digits, "prevSeqNum");
                case "timestamp" -> levels.timestamp = longValue(parser, levels.digits, "timestamp");
                case "symbol" -> levels.symbol = text(parser);
                case "type" -> levels.type = bookType(parser);
                default -> parser.skipChildren();
            }
        }
        return levels;
    }

    /** {@code [["59252.5","0.06865"],...]}: price, size; anything after them in a level is ignored. */
    private static void readLevels(JsonParser parser, PackedLevels into, DecimalDigits digits) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        expect(parser, JsonToken.START_ARRAY, "levels");
        while (parser.nextToken() == JsonToken.START_ARRAY) {
            parser.nextToken();
            number(parser, digits, "price");
            digits.requirePacked("price");
            into.add(digits.unscaled, digits.scale);
            parser.nextToken();
            number(parser, digits, "size");
            digits.requirePacked("size");
            into.add(digits.unscaled, digits.scale);
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == JsonToken.NOT_AVAILABLE) {
                    throw new ProtocolException("BTSE frame ends inside a book level");
                }
                parser.skipChildren();
            }
        }
        expect(parser, JsonToken.END_ARRAY, "levels");
    }

    /** {@code delta} or {@code snapshot}, any case, read in place (no string per frame); {@code null} otherwise. */
    private static BtseWsBook.Type bookType(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        char[] text = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        if (sameText("delta", text, offset, length)) {
            return BtseWsBook.Type.DELTA;
        }
        if (sameText("snapshot", text, offset, length)) {
            return BtseWsBook.Type.SNAPSHOT;
        }
        return null;
    }

    private static boolean sameText(String expected, char[] text, int offset, int length) {
        if (expected.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (Character.toLowerCase(text[offset + i]) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code data} is an array of trades (or, leniently, one trade). */
    private void trades(String topic, JsonParser parser, Consumer<BtseWsMessage> out) throws IOException {
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            out.accept(trade(topic, parser));
            return;
        }
        expect(parser, JsonToken.START_ARRAY, topic);
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            out.accept(trade(topic, parser));
        }
        expect(parser, JsonToken.END_ARRAY, topic);
    }

    private BtseWsTrade trade(String topic, JsonParser parser) throws IOException {
        DecimalDigits digits = scratch.get().digits;
        String symbol = null;
        String side = null;
        long price = PackedDecimal.NONE;
        BigDecimal widePrice = null;
        long size = PackedDecimal.NONE;
        BigDecimal wideSize = null;
        boolean hasPrice = false;
        boolean hasSize = false;
        long tradeId = -1;
        long timestamp = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "symbol" -> symbol = text(parser);
                case "side" -> side = text(parser);
                case "price" -> {
                    hasPrice = optionalNumber(parser, digits, "price");
                    price = hasPrice ? packed(digits) : PackedDecimal.NONE;
                    widePrice = hasPrice && price == PackedDecimal.NONE ? digits.decimal() : null;
                }
                case "size" -> {
                    hasSize = optionalNumber(parser, digits, "size");
                    size = hasSize ? packed(digits) : PackedDecimal.NONE;
                    wideSize = hasSize && size == PackedDecimal.NONE ? digits.decimal() : null;
                }
                case "tradeId" -> tradeId = longValue(parser, digits, "tradeId");
                case "timestamp" -> timestamp = longValue(parser, digits, "timestamp");
                default -> parser.skipChildren();
            }
        }
        if (!hasPrice || !hasSize || timestamp < 0) {
            throw new ProtocolException("BTSE trade of " + topic + " without price, size or timestamp");
        }
        return BtseModelAccess.records().trade(symbol != null ? symbol : BtseWsTopics.symbolOf(topic), side, price,
                widePrice, size, wideSize, tradeId, timestamp);
    }

    /** The last value read as a {@link PackedDecimal}, or {@code NONE} when it does not pack. */
    private static long packed(DecimalDigits digits) {
        return digits.big != null ? PackedDecimal.NONE : PackedDecimal.pack(digits.unscaled, digits.scale);
    }

    private String text(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        return texts.of(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    private static void number(JsonParser parser, DecimalDigits digits, String what) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT
                && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new ProtocolException("BTSE " + what + " is not a number: " + token);
        }
        digits.read(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength(), what);
    }

    /** Reads a number into {@code digits}; false for {@code null} (nothing read). */
    private static boolean optionalNumber(JsonParser parser, DecimalDigits digits, String what) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return false;
        }
        number(parser, digits, what);
        return true;
    }

    /** A whole number sent as a JSON integer or as digits in a string; {@code -1} for null. */
    private static long longValue(JsonParser parser, DecimalDigits digits, String what) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return -1;
        }
        number(parser, digits, what);
        if (digits.big != null || digits.scale != 0) {
            throw new ProtocolException("BTSE " + what + " is not a whole number");
        }
        return digits.unscaled;
    }

    private static void expect(JsonParser parser, JsonToken token, String where) {
        if (parser.currentToken() != token) {
            throw new ProtocolException("BTSE " + where + ": expected " + token + ", got " + parser.currentToken());
        }
    }

    // ---------------------------------------------------------------- rare frames, as a tree

    private void tree(String frame, Consumer<BtseWsMessage> out) throws IOException {
        JsonNode root = Json.mapper().readTree(frame);
        JsonNode topic = root.get("topic");
        JsonNode data = root.get("data");
        if (topic != null && topic.isTextual() && data != null) {
            try (JsonParser parser = Json.mapper().treeAsTokens(data)) {
                parser.nextToken();
                String name = topic.asText();
                data(texts.of(name.toCharArray(), 0, name.length()), parser, frame, out);
            }
            return;
        }
        JsonNode event = root.get("event");
        if (event != null && event.isTextual()) {
            String name = event.asText();
            if ("login".equalsIgnoreCase(name)) {
                out.accept(new BtseWsLogin(root.path("success").asBoolean(false)));
            } else if ("subscribe".equalsIgnoreCase(name) || "unsubscribe".equalsIgnoreCase(name)) {
                List<String> topics = new ArrayList<>();
                each(root.get("channel"), node -> topics.add(node.asText()));
                out.accept(new BtseWsAck(name, topics));
            } else {
                out.accept(new BtseWsUnknown(null, frame));
            }
            return;
        }
        JsonNode errors = root.has("errors") ? root.get("errors") : root.get("error");
        if (root.has("severity") || errors != null) {
            String severity = LenientJson.text(root.get("severity"));
            if (errors == null || errors.isEmpty()) {
                out.accept(new BtseWsError(severity, null, -1, null, null));
            } else {
                each(errors, entry -> out.accept(error(severity, entry)));
            }
            return;
        }
        out.accept(new BtseWsUnknown(null, frame));
    }

    /** {@code {"arg":..,"error":{"code":1000,"message":..}}} or the older {@code {"arg":..,"errorCode":"NAME"}}. */
    private static BtseWsError error(String severity, JsonNode entry) {
        JsonNode detail = entry.has("error") ? entry.get("error") : entry;
        JsonNode code = detail.has("code") ? detail.get("code") : entry.get("errorCode");
        int number = -1;
        String name = null;
        if (code != null && code.canConvertToInt() && code.isNumber()) {
            number = code.intValue();
        } else if (code != null && code.isTextual()) {
            String text = code.asText();
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() < 10) {
                number = Integer.parseInt(text);
            } else {
                name = text;
            }
        }
        String message = LenientJson.text(detail.get("message"));
        if (message == null && detail != entry) {
            message = LenientJson.text(entry.get("message"));
        }
        return new BtseWsError(severity, LenientJson.text(entry.get("arg")), number, name, message);
    }

    /** {@code notificationApiV2}: an object since 2023-08, an array before. */
    private static BtseWsOrder order(JsonNode node) {
        String orderId = firstText(node, "orderID", "orderId");
        if (orderId == null) {
            throw new ProtocolException("BTSE order notification without orderID");
        }
        return new BtseWsOrder(LenientJson.text(node.get("symbol")), orderId, LenientJson.text(node.get("side")),
                LenientJson.text(node.get("type")), optional(node, "price"), optional(node, "size"),
                optional(node, "originalSize"), optional(node, firstPresent(node, "avgFillPrice", "avgFilledPrice")),
                optional(node, "fillSize"), optional(node, "remainingSize"), LenientJson.text(node.get("status")),
                firstText(node, "clOrderID", "clOrderId"), flag(node, "maker"), flag(node, "stealth"),
                optional(node, "pegPriceDeviation"), LenientJson.text(node.get("time_in_force")),
                LenientJson.text(node.get("txType")), optional(node, "triggerPrice"), millis(node.get("timestamp")));
    }

    /** {@code fills}: numbers as JSON numbers (spot document) or strings (current documentation). */
    private static BtseWsFill fill(JsonNode node) {
        Instant timestamp = millis(node.get("timestamp"));
        if (timestamp == null) {
            throw new ProtocolException("BTSE fill without timestamp");
        }
        return new BtseWsFill(firstText(node, "orderId", "orderID"), LenientJson.text(node.get("serialId")),
                firstText(node, "clOrderId", "clOrderID"), LenientJson.text(node.get("type")),
                LenientJson.text(node.get("symbol")), LenientJson.text(node.get("side")),
                LenientJson.decimal(node.get("price")), LenientJson.decimal(node.get("size")),
                optional(node, "feeAmount"), LenientJson.text(node.get("feeCurrency")),
                LenientJson.text(node.get("base")), LenientJson.text(node.get("quote")), flag(node, "maker"),
                timestamp, LenientJson.text(node.get("tradeId")));
    }

    private static void each(JsonNode node, Consumer<JsonNode> action) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(action);
        } else {
            action.accept(node);
        }
    }

    private static String firstPresent(JsonNode node, String name, String otherName) {
        return node.hasNonNull(name) ? name : otherName;
    }

    private static String firstText(JsonNode node, String name, String otherName) {
        return LenientJson.text(node.get(firstPresent(node, name, otherName)));
    }

    private static BigDecimal optional(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value != null && value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        return LenientJson.optionalDecimal(value);
    }

    private static Boolean flag(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(value.asText());
    }

    private static Instant millis(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return Instant.ofEpochMilli(LenientJson.longValue(node));
    }

    // ---------------------------------------------------------------- per-thread scratch

    /** What one book-shaped frame has read so far, reused frame after frame on one thread. */
    private static final class Scratch {
        final Collected collected = new Collected();
        final DecimalDigits digits = new DecimalDigits();
        final PackedLevels bids = new PackedLevels();
        final PackedLevels asks = new PackedLevels();
        String symbol;
        BtseWsBook.Type type;
        long seqNum;
        long prevSeqNum;
        long timestamp;

        void reset() {
            bids.size = 0;
            asks.size = 0;
            symbol = null;
            type = null;
            seqNum = -1;
            prevSeqNum = -1;
            timestamp = 0;
        }

        String symbol(String topic) {
            return symbol != null ? symbol : BtseWsTopics.symbolOf(topic);
        }
    }

    /**
     * The messages of one frame, held until the frame is read whole: the first in a field (most frames carry one),
     * the others in a list made when needed.
     */
    private static final class Collected implements Consumer<BtseWsMessage> {
        private BtseWsMessage first;
        private List<BtseWsMessage> more;

        @Override
        public void accept(BtseWsMessage message) {
            if (first == null) {
                first = message;
            } else {
                if (more == null) {
                    more = new ArrayList<>();
                }
                more.add(message);
            }
        }

        void clear() {
            first = null;
            more = null;
        }

        /** Hands the messages over in order, emptied first: a consumer may decode the next frame on this thread. */
        void deliverTo(Consumer<BtseWsMessage> out) {
            BtseWsMessage one = first;
            List<BtseWsMessage> others = more;
            clear();
            if (one != null) {
                out.accept(one);
            }
            if (others != null) {
                others.forEach(out);
            }
        }
    }

    /** Growing arrays of unscaled digits and scales, two entries (price, size) per level. */
    private static final class PackedLevels {
        long[] digits = new long[128];
        byte[] scales = new byte[128];
        int size;

        void add(long unscaled, int scale) {
            if (size == digits.length) {
                digits = java.util.Arrays.copyOf(digits, 2 * size);
                scales = java.util.Arrays.copyOf(scales, 2 * size);
            }
            digits[size] = unscaled;
            scales[size] = (byte) scale;
            size++;
        }

        List<PriceLevel> toList() {
            List<PriceLevel> levels = new ArrayList<>(size / 2);
            for (int i = 0; i < size; i += 2) {
                levels.add(new PriceLevel(BigDecimal.valueOf(digits[i], scales[i]),
                        BigDecimal.valueOf(digits[i + 1], scales[i + 1])));
            }
            return levels;
        }
    }
}
