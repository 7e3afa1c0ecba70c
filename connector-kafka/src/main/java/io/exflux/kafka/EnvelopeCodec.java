package io.exflux.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form of {@link MarketEnvelope}: every decimal is a string (no reader's double rounds a price),
 * times are ISO-8601 text. Written with Jackson's streaming API, read into the unified records; a message
 * that cannot be read is a {@link ProtocolException}. Thread-safe.
 *
 * <pre>{@code
 * {"v":1,"venue":"alp","pair":"BTC_USDT","kind":"trade","seq":"981","exchangeTime":"...","receiveTime":"...",
 *  "source":"collector-1","payload":{"id":"981","price":"65000.10","amount":"0.25","side":"buy"}}
 * }</pre>
 */
public final class EnvelopeCodec {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100).maxStringLength(1 << 20).build())
            .build();

    private EnvelopeCodec() {
    }

    /** The envelope as UTF-8 JSON. */
    public static byte[] encode(MarketEnvelope envelope) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", envelope.version());
            g.writeStringField("venue", envelope.key().venue());
            g.writeStringField("pair", envelope.key().pair().symbol("_"));
            g.writeStringField("kind", envelope.kind().wireName());
            g.writeStringField("seq", envelope.sequence());
            g.writeStringField("exchangeTime", envelope.exchangeTime().toString());
            g.writeStringField("receiveTime", envelope.receiveTime().toString());
            g.writeStringField("source", envelope.source());
            g.writeFieldName("payload");
            switch (envelope.kind()) {
                case TRADE -> writeTrade(g, (Trade) envelope.payload());
                case BOOK -> writeBook(g, (OrderBookUpdate) envelope.payload());
                case TICKER -> writeTicker(g, (Ticker) envelope.payload());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void writeTrade(JsonGenerator g, Trade t) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        g.writeStringField("price", t.price().toPlainString());
        g.writeStringField("amount", t.amount().toPlainString());
        if (t.takerSide() != null) {
            g.writeStringField("side", t.takerSide().name().toLowerCase(Locale.ROOT));
        }
        g.writeEndObject();
    }

    private static void writeBook(JsonGenerator g, OrderBookUpdate u) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", u.kind().name().toLowerCase(Locale.ROOT));
        g.writeStringField("mode", u.mode().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("seq", u.sequence());
        g.writeNumberField("prev", u.previousSequence());
        writeLevels(g, "bids", u.bids());
        writeLevels(g, "asks", u.asks());
        g.writeEndObject();
    }

    private static void writeLevels(JsonGenerator g, String name, List<PriceLevel> levels) throws IOException {
        g.writeArrayFieldStart(name);
        for (PriceLevel level : levels) {
            g.writeStartArray();
            g.writeString(level.price().toPlainString());
            g.writeString(level.amount().toPlainString());
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void writeTicker(JsonGenerator g, Ticker t) throws IOException {
        g.writeStartObject();
        decimal(g, "last", t.last());
        decimal(g, "bid", t.bid());
        decimal(g, "ask", t.ask());
        decimal(g, "high", t.high());
        decimal(g, "low", t.low());
        decimal(g, "open", t.open());
        decimal(g, "baseVolume", t.baseVolume());
        decimal(g, "quoteVolume", t.quoteVolume());
        decimal(g, "change24h", t.change24h());
        g.writeEndObject();
    }

    private static void decimal(JsonGenerator g, String name, BigDecimal value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toPlainString());
        }
    }

    /**
     * Reads one message.
     *
     * @throws ProtocolException when it is not an envelope this version reads (unknown version, missing
     *                           or malformed field)
     */
    public static MarketEnvelope decode(byte[] bytes) {
        try (JsonParser p = JSON.createParser(bytes)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            Map<String, String> fields = new HashMap<>();
            Map<String, Object> payload = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("payload")) {
                    expect(value, JsonToken.START_OBJECT);
                    payload = readObject(p);
                } else if (value.isStructStart()) {
                    p.skipChildren();
                } else {
                    fields.put(name, p.getValueAsString());
                }
            }
            int version = Integer.parseInt(required(fields, "v"));
            if (version != MarketEnvelope.VERSION) {
                throw new ProtocolException("envelope version " + version + " is not readable by this reader");
            }
            if (payload == null) {
                throw new ProtocolException("an envelope without payload");
            }
            String venue = required(fields, "venue");
            CurrencyPair pair = CurrencyPair.parse(required(fields, "pair"));
            MarketKind kind = MarketKind.fromWire(required(fields, "kind"));
            Instant exchangeTime = Instant.parse(required(fields, "exchangeTime"));
            Object record = switch (kind) {
                case TRADE -> readTrade(pair, payload, exchangeTime);
                case BOOK -> readBook(pair, payload, exchangeTime);
                case TICKER -> readTicker(pair, payload, exchangeTime);
            };
            return new MarketEnvelope(version, StreamKey.of(venue, pair), kind, required(fields, "seq"), exchangeTime,
                    Instant.parse(required(fields, "receiveTime")), required(fields, "source"), record);
        } catch (ProtocolException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ProtocolException("an unreadable envelope: " + e.getMessage());
        }
    }

    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> map = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_ARRAY) {
                map.put(name, readLevels(p));
            } else if (value == JsonToken.START_OBJECT) {
                p.skipChildren();
            } else {
                map.put(name, p.getValueAsString());
            }
        }
        return map;
    }

    private static List<PriceLevel> readLevels(JsonParser p) throws IOException {
        List<PriceLevel> levels = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            BigDecimal price = new BigDecimal(p.getValueAsString());
            p.nextToken();
            BigDecimal amount = new BigDecimal(p.getValueAsString());
            expect(p.nextToken(), JsonToken.END_ARRAY);
            levels.add(new PriceLevel(price, amount));
        }
        return levels;
    }

    private static Trade readTrade(CurrencyPair pair, Map<String, Object> m, Instant time) {
        Object side = m.get("side");
        return new Trade(pair, text(m, "id"), new BigDecimal(text(m, "price")), new BigDecimal(text(m, "amount")),
                side == null ? null : Side.valueOf(side.toString().toUpperCase(Locale.ROOT)), time);
    }

    @SuppressWarnings("unchecked")
    private static OrderBookUpdate readBook(CurrencyPair pair, Map<String, Object> m, Instant time) {
        return new OrderBookUpdate(pair, OrderBookUpdate.Kind.valueOf(text(m, "type").toUpperCase(Locale.ROOT)),
                OrderBookUpdate.Mode.valueOf(text(m, "mode").toUpperCase(Locale.ROOT)),
                (List<PriceLevel>) m.getOrDefault("bids", List.of()), (List<PriceLevel>) m.getOrDefault("asks", List.of()),
                Long.parseLong(text(m, "seq")), Long.parseLong(text(m, "prev")), time);
    }

    private static Ticker readTicker(CurrencyPair pair, Map<String, Object> m, Instant time) {
        return new Ticker(pair, dec(m, "last"), dec(m, "bid"), dec(m, "ask"), dec(m, "high"), dec(m, "low"),
                dec(m, "open"), dec(m, "baseVolume"), dec(m, "quoteVolume"), dec(m, "change24h"), time);
    }

    private static BigDecimal dec(Map<String, Object> m, String name) {
        Object value = m.get(name);
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static String text(Map<String, Object> m, String name) {
        Object value = m.get(name);
        if (value == null) {
            throw new ProtocolException("payload field '" + name + "' is missing");
        }
        return value.toString();
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new ProtocolException("envelope field '" + name + "' is missing");
        }
        return value;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new ProtocolException("expected " + expected + " but found " + actual);
        }
    }
}
