package io.exflux.reactive.venue.alp.internal;

import static io.exflux.reactive.internal.codec.LenientJson.decimal;
import static io.exflux.reactive.internal.codec.LenientJson.longValue;
import static io.exflux.reactive.internal.codec.LenientJson.optionalDecimal;
import static io.exflux.reactive.internal.codec.LenientJson.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ProtocolException;
import io.exflux.reactive.internal.book.ScaledBookUpdate;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.codec.JsonFrameReader;
import io.exflux.reactive.internal.ws.FrameSink;
import io.exflux.reactive.venue.alp.AlpTopics;
import io.exflux.reactive.internal.codec.LenientJson;
import io.exflux.reactive.internal.codec.VenueTimes;
import io.exflux.reactive.venue.alp.model.AlpAck;
import io.exflux.reactive.venue.alp.model.AlpDepth;
import io.exflux.reactive.venue.alp.model.AlpDiff;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.alp.model.AlpRate;
import io.exflux.reactive.venue.alp.model.AlpRates;
import io.exflux.reactive.venue.alp.model.AlpTextPing;
import io.exflux.reactive.venue.alp.model.AlpTickerUpdate;
import io.exflux.reactive.venue.alp.model.AlpUnknownMessage;
import io.exflux.reactive.venue.alp.model.AlpWelcome;
import io.exflux.reactive.venue.alp.model.AlpWsAccountTrade;
import io.exflux.reactive.venue.alp.model.AlpWsError;
import io.exflux.reactive.venue.alp.model.AlpWsOrder;
import io.exflux.reactive.venue.alp.model.AlpWsTicker;
import io.exflux.reactive.venue.alp.model.AlpWsTrade;
import io.exflux.reactive.venue.alp.model.AlpWsWallet;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes one ALP websocket text frame into an {@link AlpMessage}. Pure and synchronous, so it runs
 * where the frame arrives. A frame we cannot read is a {@link ProtocolException} for that frame only;
 * the caller decides what the stream does with it. Every numeric element is accepted as a JSON number
 * or a JSON string. Trades and diffs spelled plainly are read straight from their bytes ({@link AlpPlainFrames});
 * other market data without a tree ({@link AlpHotFrames}, on a {@link JsonFrameReader} of the calling thread), and
 * so is any trade or diff the plain reader leaves; the rare other frames through {@code readTree}.
 */
public final class AlpFrameDecoder {

    private static final int ORDER_FRAME_SIZE = 19;
    /** Bytes of the shortest market-data frame ({@code ["t",1,2,"A","1","1","buy"]} and up); shorter ones are read as text. */
    private static final int SHORTEST_HOT_FRAME = 16;
    private static final String RATES_PREFIX = "rates.";
    private static final long WELCOME_NANOS_FROM = 10_000_000L;
    private static final AlpModelAccess.Records RECORDS = AlpModelAccess.records();
    private static final AlpTopicCache TRADE_TOPICS = new AlpTopicCache(AlpTopics::trades);
    private static final AlpTopicCache DIFF_TOPICS = new AlpTopicCache(AlpTopics::diff);
    private static final AlpTopicCache TICKER_TOPICS = new AlpTopicCache(AlpTopics::ticker);

    private AlpFrameDecoder() {
    }

    /** Decodes a text frame into one message (a ticker frame stays whole, with all its rows). */
    public static AlpMessage decode(String text) {
        return read(text, null);
    }

    /**
     * Decodes a text frame given as its UTF-8 bytes, as {@link #decode(String)}; the buffer is only read during the
     * call (indexes and reference count untouched).
     */
    public static AlpMessage decode(ByteBuf utf8) {
        return read(utf8, null);
    }

    /**
     * Decodes a text frame and names the topics of its data in the same pass: a ticker frame becomes one
     * message per row, for {@code ticker.<PAIR>} and {@code ticker.*}; a trade goes to {@code trade.<PAIR>}
     * and {@code trade.*}; a diff, a depth to their pair's topic; rates to every live {@code rates.} topic;
     * private updates to the pseudo topics of {@link AlpTopics}. Everything else (welcome, acks, errors,
     * unknown types) is not data: it is returned for the caller to interpret.
     *
     * @return the frame's control message, or {@code null} when the frame was data and went to {@code sink}
     * @throws ProtocolException when the frame cannot be read
     */
    public static AlpMessage route(String text, FrameSink<AlpMessage> sink) {
        return read(text, Objects.requireNonNull(sink, "sink"));
    }

    /**
     * {@link #route(String, FrameSink)} for a text frame given as its UTF-8 bytes (a websocket frame's content, read
     * only during the call: indexes and reference count untouched). Market data is read from the bytes themselves;
     * the frame becomes a {@code String} only when it is another kind of frame or cannot be read.
     */
    public static AlpMessage route(ByteBuf utf8, FrameSink<AlpMessage> sink) {
        return read(utf8, Objects.requireNonNull(sink, "sink"));
    }

    /**
     * Market data ({@link AlpHotFrames}) is read with the streaming parser, straight into its record; the
     * other frames, a few a minute, are read again as a tree. Decoding ends before anything reaches the sink.
     */
    private static AlpMessage read(String text, FrameSink<AlpMessage> sink) {
        if (isTextPing(text)) {
            return new AlpTextPing();
        }
        AlpMessage plain = AlpPlainFrames.read(text);
        if (plain != null) {
            return routed(plain, sink);
        }
        JsonFrameReader reader = JsonFrameReader.forThisThread();
        AlpMessage data = hot(reader, reader.open(text), text);
        return data == null ? readTree(text.trim(), text, sink) : routed(data, sink);
    }

    private static AlpMessage read(ByteBuf utf8, FrameSink<AlpMessage> sink) {
        if (utf8.readableBytes() < SHORTEST_HOT_FRAME) { // a ping, or no market data: as text
            return read(utf8.toString(StandardCharsets.UTF_8), sink);
        }
        AlpMessage plain = AlpPlainFrames.read(utf8);
        if (plain != null) {
            return routed(plain, sink);
        }
        JsonFrameReader reader = JsonFrameReader.forThisThread();
        AlpMessage data = hot(reader, reader.open(utf8), utf8);
        if (data == null) {
            String text = utf8.toString(StandardCharsets.UTF_8);
            return readTree(text.trim(), text, sink);
        }
        return routed(data, sink);
    }

    /**
     * The market data of a frame opened on {@code reader}, which this closes, or {@code null} when the frame is
     * another kind.
     *
     * @param frame the frame, a {@code String} or its UTF-8 {@code ByteBuf}, for the error's text only
     */
    private static AlpMessage hot(JsonFrameReader reader, JsonParser parser, Object frame) {
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.VALUE_STRING) {
                throw malformed("not a JSON array starting with a type", frame, null);
            }
            AlpMessage data = AlpHotFrames.read(parser, reader);
            reader.close();
            return data;
        } catch (IOException e) {
            reader.abandon();
            throw malformed("not JSON", frame, e);
        } catch (RuntimeException e) {
            reader.abandon();
            throw asMalformed(e, frame);
        }
    }

    private static AlpMessage routed(AlpMessage data, FrameSink<AlpMessage> sink) {
        if (sink == null) {
            return data;
        }
        routeData(data, sink);
        return null;
    }

    /**
     * Reads a {@code d} frame of {@code symbol} straight into {@code into}, prices and amounts scaled to the given
     * decimals without a {@code BigDecimal} (nothing is allocated in steady state): the same update as
     * {@link AlpMapper#diff} of the decoded {@link AlpDiff}, for {@code OrderBookEngine.apply(ScaledBookUpdate)}.
     *
     * @return false, with {@code into} untouched, when the frame is not a diff of {@code symbol}
     * @throws ProtocolException when the frame cannot be read, or a value has more decimals than its scale
     */
    public static boolean diffInto(String text, String symbol, ScaledBookUpdate into, int priceScale,
                                   int amountScale) {
        if (AlpPlainFrames.diffInto(text, symbol, into, priceScale, amountScale)) {
            return true;
        }
        JsonFrameReader reader = JsonFrameReader.forThisThread();
        return diffInto(reader, reader.open(text), text, symbol, into, priceScale, amountScale);
    }

    /** {@link #diffInto(String, String, ScaledBookUpdate, int, int)} of a frame given as its UTF-8 bytes. */
    public static boolean diffInto(ByteBuf utf8, String symbol, ScaledBookUpdate into, int priceScale,
                                   int amountScale) {
        if (AlpPlainFrames.diffInto(utf8, symbol, into, priceScale, amountScale)) {
            return true;
        }
        JsonFrameReader reader = JsonFrameReader.forThisThread();
        return diffInto(reader, reader.open(utf8), utf8, symbol, into, priceScale, amountScale);
    }

    private static boolean diffInto(JsonFrameReader reader, JsonParser parser, Object frame, String symbol,
                                    ScaledBookUpdate into, int priceScale, int amountScale) {
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.VALUE_STRING) {
                throw malformed("not a JSON array starting with a type", frame, null);
            }
            boolean read = AlpHotFrames.diffInto(parser, reader.text(), symbol, into, priceScale, amountScale);
            reader.close();
            return read;
        } catch (IOException e) {
            reader.abandon();
            throw malformed("not JSON", frame, e);
        } catch (RuntimeException e) {
            reader.abandon();
            throw asMalformed(e, frame);
        }
    }

    private static void routeData(AlpMessage data, FrameSink<AlpMessage> sink) {
        if (data instanceof AlpWsTrade trade) {
            sink.next(trade, TRADE_TOPICS.topic(trade.pair()), AlpTopics.TRADES_ALL);
        } else if (data instanceof AlpDiff diff) {
            sink.next(diff, DIFF_TOPICS.topic(diff.symbol()));
        } else if (data instanceof AlpDepth depth) {
            sink.next(depth, AlpTopics.marketDepth(depth.symbol()));
        } else if (data instanceof AlpTickerUpdate update) {
            String only = RECORDS.onlySymbol(update);
            if (only != null) { // the usual frame: routed as it is
                sink.next(update, TICKER_TOPICS.topic(only), AlpTopics.TICKERS_ALL);
                return;
            }
            for (AlpWsTicker row : update.rows()) {
                sink.next(new AlpTickerUpdate(update.time(), List.of(row)), TICKER_TOPICS.topic(row.symbol()),
                        AlpTopics.TICKERS_ALL);
            }
        } else {
            throw new IllegalStateException("not market data: " + data.getClass());
        }
    }

    /** The text keepalive {@code 1}, with or without whitespace around it. */
    private static boolean isTextPing(String text) {
        return text.length() == 1 ? text.charAt(0) == '1' : text.length() < 16 && "1".equals(text.trim());
    }

    private static AlpMessage readTree(String trimmed, String text, FrameSink<AlpMessage> sink) {
        JsonNode f = parse(trimmed, text);
        String type = f.get(0).asText();
        try {
            if (sink == null) {
                return decodeArray(type, f);
            }
            switch (type) {
                case "r":
                    routeRates(rates(f), sink);
                    return null;
                case "o":
                    sink.next(order(f), AlpTopics.ORDERS);
                    return null;
                case "w":
                    sink.next(wallet(f), AlpTopics.WALLETS);
                    return null;
                case "ta":
                    sink.next(accountTrade(f), AlpTopics.ACCOUNT_TRADES);
                    return null;
                default:
                    return decodeArray(type, f);
            }
        } catch (RuntimeException e) {
            throw asMalformed(e, text);
        }
    }

    /** A rates frame names no pair: it goes to {@code rates.*} and every live {@code rates.<PAIR>} (official client). */
    private static void routeRates(AlpRates rates, FrameSink<AlpMessage> sink) {
        boolean any = false;
        for (String topic : sink.liveTopics()) {
            if (topic.startsWith(RATES_PREFIX)) {
                sink.next(rates, topic);
                any = true;
            }
        }
        if (!any) {
            sink.control(rates);
        }
    }

    private static JsonNode parse(String trimmed, String text) {
        JsonNode frame;
        try {
            frame = Json.mapper().readTree(trimmed);
        } catch (JsonProcessingException e) {
            throw malformed("not JSON", text, e);
        }
        if (frame == null || !frame.isArray() || frame.isEmpty() || !frame.get(0).isTextual()) {
            throw malformed("not a JSON array starting with a type", text, null);
        }
        return frame;
    }

    private static ProtocolException asMalformed(RuntimeException e, Object frame) {
        return e instanceof ProtocolException protocol ? protocol : malformed(e.getMessage(), frame, e);
    }

    private static AlpMessage decodeArray(String type, JsonNode f) {
        switch (type) {
            case "welcome":
                need(f, 5, type);
                return new AlpWelcome(time(f.get(1)), pingValue(f.get(2)), pingValue(f.get(3)), f.get(4).asText());
            case "subscribe":
            case "unsubscribe":
                need(f, 2, type);
                return new AlpAck("subscribe".equals(type) ? AlpAck.Kind.SUBSCRIBE : AlpAck.Kind.UNSUBSCRIBE,
                        time(f.get(1)), texts(f, 2));
            case "error":
                need(f, 3, type);
                return new AlpWsError(time(f.get(1)), f.get(2).asText(), f.size() > 3 ? text(f.get(3)) : null);
            case "r":
                return rates(f);
            case "o":
                return order(f);
            case "w":
                return wallet(f);
            case "ta":
                return accountTrade(f);
            default:
                return new AlpUnknownMessage(type, f);
        }
    }

    private static AlpWsWallet wallet(JsonNode f) {
        need(f, 7, "w");
        return new AlpWsWallet(time(f.get(1)), f.get(2).asText(), f.get(3).asText(), text(f.get(4)),
                decimal(f.get(5)), decimal(f.get(6)));
    }

    private static AlpWsAccountTrade accountTrade(JsonNode f) {
        return new AlpWsAccountTrade(f.size() > 1 ? optionalTime(f.get(1)) : null, f);
    }

    private static AlpRates rates(JsonNode f) {
        need(f, 3, "r");
        List<AlpRate> rates = new ArrayList<>();
        for (JsonNode rate : array(f.get(2), "rates")) {
            if (!rate.isArray() || rate.size() < 3) {
                throw new IllegalArgumentException("rate element is not [rate, base, quote]");
            }
            rates.add(new AlpRate(decimal(rate.get(0)), rate.get(1).asText(), rate.get(2).asText()));
        }
        return new AlpRates(time(f.get(1)), rates);
    }

    private static AlpWsOrder order(JsonNode f) {
        need(f, ORDER_FRAME_SIZE, "o");
        return new AlpWsOrder(time(f.get(1)), longValue(f.get(2)), f.get(3).asText(), f.get(4).asText(),
                f.get(5).asText(), optionalDecimal(f.get(6)), optionalDecimal(f.get(7)), optionalDecimal(f.get(8)),
                optionalDecimal(f.get(9)), optionalDecimal(f.get(10)), optionalDecimal(f.get(11)),
                optionalDecimal(f.get(12)), optionalTime(f.get(13)), f.get(14).asText(), optionalDecimal(f.get(15)),
                f.get(16).asText(), optionalDecimal(f.get(17)), text(f.get(18)));
    }

    private static JsonNode array(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(what + " is not an array");
        }
        return node;
    }

    private static List<String> texts(JsonNode f, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < f.size(); i++) {
            out.add(f.get(i).asText());
        }
        return out;
    }

    private static void need(JsonNode f, int size, String type) {
        if (f.size() < size) {
            throw new IllegalArgumentException("'" + type + "' frame has " + f.size() + " elements, expected "
                    + size);
        }
    }

    /** Element 1 of every frame, and ALP's other times: unix seconds, integer or fraction, number or text. */
    static Instant time(JsonNode node) {
        return LenientJson.epochSeconds(node);
    }

    private static Instant optionalTime(JsonNode node) {
        return LenientJson.optionalEpochSeconds(node);
    }

    /**
     * A welcome ping value: values at or above ten million are nanoseconds, below it milliseconds. The
     * document's example says 30000000000 (30 s in ns); the live venue sends 20000 (20 s in ms). Ten million
     * is 2.8 hours in ms and 10 ms in ns: no sane ping interval either way.
     */
    private static Duration pingValue(JsonNode node) {
        return VenueTimes.durationByMagnitude(longValue(node), WELCOME_NANOS_FROM);
    }

    /** @param frame the frame, a {@code String} or its UTF-8 {@code ByteBuf} (still valid: errors are made during the call) */
    private static ProtocolException malformed(String why, Object frame, Throwable cause) {
        String text = frame instanceof ByteBuf utf8 ? utf8.toString(StandardCharsets.UTF_8) : (String) frame;
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return new ProtocolException("unreadable ALP frame (" + why + ")", new ErrorContext("alp", 0, null, shown),
                cause);
    }
}
