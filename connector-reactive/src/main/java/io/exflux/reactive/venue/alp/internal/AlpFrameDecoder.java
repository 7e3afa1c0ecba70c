package io.exflux.reactive.venue.alp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ProtocolException;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.ws.FrameSink;
import io.exflux.reactive.venue.alp.AlpTopics;
import io.exflux.reactive.venue.alp.model.AlpAck;
import io.exflux.reactive.venue.alp.model.AlpDepth;
import io.exflux.reactive.venue.alp.model.AlpDiff;
import io.exflux.reactive.venue.alp.model.AlpLevel;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one ALP websocket text frame into an {@link AlpMessage}. Pure and synchronous, so it runs
 * where the frame arrives. A frame we cannot read is a {@link ProtocolException} for that frame only;
 * the caller decides what the stream does with it. Every numeric element is accepted as a JSON number
 * or a JSON string.
 */
public final class AlpFrameDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(AlpFrameDecoder.class);
    private static final int TICKER_ROW_SIZE = 9;
    private static final int ORDER_FRAME_SIZE = 19;
    private static final String RATES_PREFIX = "rates.";

    private AlpFrameDecoder() {
    }

    /** Decodes a text frame into one message (a ticker frame stays whole, with all its rows). */
    public static AlpMessage decode(String text) {
        String trimmed = text.trim();
        if ("1".equals(trimmed)) {
            return new AlpTextPing();
        }
        JsonNode frame = parse(trimmed, text);
        try {
            return decodeArray(frame.get(0).asText(), frame);
        } catch (RuntimeException e) {
            throw asMalformed(e, text);
        }
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
        String trimmed = text.trim();
        if ("1".equals(trimmed)) {
            return new AlpTextPing();
        }
        JsonNode f = parse(trimmed, text);
        String type = f.get(0).asText();
        try {
            switch (type) {
                case "tk":
                    AlpTickerUpdate update = tickers(f);
                    for (AlpWsTicker row : update.rows()) {
                        sink.next(new AlpTickerUpdate(update.time(), List.of(row)), AlpTopics.ticker(row.symbol()),
                                AlpTopics.TICKERS_ALL);
                    }
                    return null;
                case "t":
                    AlpWsTrade trade = trade(f);
                    sink.next(trade, AlpTopics.trades(trade.pair()), AlpTopics.TRADES_ALL);
                    return null;
                case "d":
                    AlpDiff diff = diff(f);
                    sink.next(diff, AlpTopics.diff(diff.symbol()));
                    return null;
                case "p":
                    AlpDepth depth = depth(f);
                    sink.next(depth, AlpTopics.marketDepth(depth.symbol()));
                    return null;
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

    private static ProtocolException asMalformed(RuntimeException e, String text) {
        return e instanceof ProtocolException protocol ? protocol : malformed(e.getMessage(), text, e);
    }

    private static AlpMessage decodeArray(String type, JsonNode f) {
        switch (type) {
            case "welcome":
                need(f, 5, type);
                return new AlpWelcome(time(f.get(1)), AlpTimes.pingValue(longValue(f.get(2))),
                        AlpTimes.pingValue(longValue(f.get(3))), f.get(4).asText());
            case "subscribe":
            case "unsubscribe":
                need(f, 2, type);
                return new AlpAck("subscribe".equals(type) ? AlpAck.Kind.SUBSCRIBE : AlpAck.Kind.UNSUBSCRIBE,
                        time(f.get(1)), texts(f, 2));
            case "error":
                need(f, 3, type);
                return new AlpWsError(time(f.get(1)), f.get(2).asText(), f.size() > 3 ? text(f.get(3)) : null);
            case "tk":
                return tickers(f);
            case "t":
                return trade(f);
            case "r":
                return rates(f);
            case "d":
                return diff(f);
            case "p":
                return depth(f);
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

    private static AlpWsTrade trade(JsonNode f) {
        need(f, 7, "t");
        return new AlpWsTrade(time(f.get(1)), longValue(f.get(2)), f.get(3).asText(), decimal(f.get(4)),
                decimal(f.get(5)), f.get(6).asText());
    }

    private static AlpWsWallet wallet(JsonNode f) {
        need(f, 7, "w");
        return new AlpWsWallet(time(f.get(1)), f.get(2).asText(), f.get(3).asText(), text(f.get(4)),
                decimal(f.get(5)), decimal(f.get(6)));
    }

    private static AlpWsAccountTrade accountTrade(JsonNode f) {
        return new AlpWsAccountTrade(f.size() > 1 ? optionalTime(f.get(1)) : null, f);
    }

    private static AlpTickerUpdate tickers(JsonNode f) {
        need(f, 2, "tk");
        List<AlpWsTicker> rows = new ArrayList<>(f.size() - 2);
        for (int i = 2; i < f.size(); i++) {
            JsonNode row = f.get(i);
            if (!row.isArray() || row.size() < TICKER_ROW_SIZE) {
                // the official client skips short rows too; we say so rather than drop it silently
                LOG.warn("ALP ticker row with fewer than {} elements skipped: {}", TICKER_ROW_SIZE, row);
                continue;
            }
            rows.add(new AlpWsTicker(row.get(0).asText(), decimal(row.get(1)), decimal(row.get(2)),
                    decimal(row.get(3)), decimal(row.get(4)), decimal(row.get(5)), decimal(row.get(6)),
                    decimal(row.get(7)), decimal(row.get(8))));
        }
        return new AlpTickerUpdate(time(f.get(1)), rows);
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

    private static AlpDiff diff(JsonNode f) {
        need(f, 4, "d");
        JsonNode sides = array(f.get(3), "diff data");
        if (sides.size() != 2) {
            throw new IllegalArgumentException("diff data is not [asks, bids]");
        }
        return new AlpDiff(time(f.get(1)), f.get(2).asText(), levels(sides.get(0)), levels(sides.get(1)));
    }

    private static AlpDepth depth(JsonNode f) {
        need(f, 3, "p");
        JsonNode book = f.get(2);
        if (!book.isObject()) {
            throw new IllegalArgumentException("market depth payload is not an object");
        }
        return new AlpDepth(time(f.get(1)), required(book, "Symbol").asText(), levels(required(book, "Asks")),
                levels(required(book, "Bids")), optionalDecimal(book.get("TotalAsks")),
                optionalDecimal(book.get("TotalBids")));
    }

    private static AlpWsOrder order(JsonNode f) {
        need(f, ORDER_FRAME_SIZE, "o");
        return new AlpWsOrder(time(f.get(1)), longValue(f.get(2)), f.get(3).asText(), f.get(4).asText(),
                f.get(5).asText(), optionalDecimal(f.get(6)), optionalDecimal(f.get(7)), optionalDecimal(f.get(8)),
                optionalDecimal(f.get(9)), optionalDecimal(f.get(10)), optionalDecimal(f.get(11)),
                optionalDecimal(f.get(12)), optionalTime(f.get(13)), f.get(14).asText(), optionalDecimal(f.get(15)),
                f.get(16).asText(), optionalDecimal(f.get(17)), text(f.get(18)));
    }

    private static List<AlpLevel> levels(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<AlpLevel> out = new ArrayList<>(node.size());
        for (JsonNode level : array(node, "levels")) {
            if (!level.isArray() || level.size() < 2) {
                throw new IllegalArgumentException("book level is not [price, quantity]");
            }
            out.add(new AlpLevel(decimal(level.get(0)), decimal(level.get(1))));
        }
        return out;
    }

    private static JsonNode required(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null) {
            throw new IllegalArgumentException("market depth has no " + field);
        }
        return value;
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

    /** Element 1 of every frame: unix seconds, integer or fraction, number or text. */
    static Instant time(JsonNode node) {
        if (node.isNumber()) {
            return AlpTimes.epochSeconds(node.decimalValue());
        }
        if (node.isTextual()) {
            return AlpTimes.parse(node.asText());
        }
        throw new IllegalArgumentException("time is neither a number nor text: " + node);
    }

    private static Instant optionalTime(JsonNode node) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return null;
        }
        return time(node);
    }

    static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            return new BigDecimal(node.asText().trim());
        }
        throw new IllegalArgumentException("not a number: " + node);
    }

    private static BigDecimal optionalDecimal(JsonNode node) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return null;
        }
        return decimal(node);
    }

    private static long longValue(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        return decimal(node).longValueExact();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.asText();
        return value.isEmpty() ? null : value;
    }

    private static ProtocolException malformed(String why, String text, Throwable cause) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return new ProtocolException("unreadable ALP frame (" + why + ")", new ErrorContext("alp", 0, null, shown),
                cause);
    }
}
