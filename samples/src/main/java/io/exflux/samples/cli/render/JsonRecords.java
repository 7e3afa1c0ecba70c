package io.exflux.samples.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.api.model.Candle;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON the CLI writes (candles as JSON, {@code record}'s NDJSON): decimals as strings so that no
 * reader turns a price into a double, times as ISO-8601 UTC. One object a line, readable by
 * {@code jq}, and read back by the {@code read*} methods for {@code exflux replay}.
 */
public final class JsonRecords {

    private JsonRecords() {
    }

    public static ObjectNode trade(Trade t) {
        ObjectNode node = SampleJson.mapper().createObjectNode();
        node.put("pair", t.pair().toString());
        node.put("id", t.id());
        decimal(node, "price", t.price());
        decimal(node, "amount", t.amount());
        node.put("takerSide", t.takerSide() == null ? null : t.takerSide().name());
        time(node, "timestamp", t.timestamp());
        return node;
    }

    public static ObjectNode book(OrderBook b) {
        ObjectNode node = SampleJson.mapper().createObjectNode();
        node.put("pair", b.pair().toString());
        time(node, "timestamp", b.timestamp());
        node.put("sequence", b.sequence());
        levels(node.putArray("bids"), b.bids());
        levels(node.putArray("asks"), b.asks());
        return node;
    }

    public static ObjectNode ticker(Ticker t) {
        ObjectNode node = SampleJson.mapper().createObjectNode();
        node.put("pair", t.pair().toString());
        decimal(node, "last", t.last());
        decimal(node, "bid", t.bid());
        decimal(node, "ask", t.ask());
        decimal(node, "high", t.high());
        decimal(node, "low", t.low());
        decimal(node, "baseVolume", t.baseVolume());
        decimal(node, "quoteVolume", t.quoteVolume());
        time(node, "timestamp", t.timestamp());
        return node;
    }

    public static ObjectNode candle(Candle c) {
        ObjectNode node = SampleJson.mapper().createObjectNode();
        node.put("pair", c.pair().toString());
        node.put("interval", Formats.intervalLabel(c.interval()));
        time(node, "openTime", c.openTime());
        decimal(node, "open", c.open());
        decimal(node, "high", c.high());
        decimal(node, "low", c.low());
        decimal(node, "close", c.close());
        decimal(node, "volume", c.volume());
        decimal(node, "quoteVolume", c.quoteVolume());
        return node;
    }

    /** One recorded event: its type, when it arrived, and the data. */
    public static ObjectNode line(String type, Instant receivedAt, ObjectNode data) {
        ObjectNode node = SampleJson.mapper().createObjectNode();
        node.put("type", type);
        node.put("receivedAt", receivedAt.toString());
        node.set("data", data);
        return node;
    }

    /** A trade written by {@link #trade(Trade)}, read back. */
    public static Trade readTrade(JsonNode node) {
        String side = text(node, "takerSide");
        return new Trade(CurrencyPair.parse(node.get("pair").asText()), node.get("id").asText(),
                new BigDecimal(node.get("price").asText()), new BigDecimal(node.get("amount").asText()),
                side == null ? null : Side.valueOf(side), Instant.parse(node.get("timestamp").asText()));
    }

    /** A book written by {@link #book(OrderBook)}, read back. */
    public static OrderBook readBook(JsonNode node) {
        return new OrderBook(CurrencyPair.parse(node.get("pair").asText()), readLevels(node.get("bids")),
                readLevels(node.get("asks")), Instant.parse(node.get("timestamp").asText()),
                node.path("sequence").asLong(-1));
    }

    /** A ticker written by {@link #ticker(Ticker)}, read back. */
    public static Ticker readTicker(JsonNode node) {
        return new Ticker(CurrencyPair.parse(node.get("pair").asText()), decimal(node, "last"), decimal(node, "bid"),
                decimal(node, "ask"), decimal(node, "high"), decimal(node, "low"), null, decimal(node, "baseVolume"),
                decimal(node, "quoteVolume"), null, Instant.parse(node.get("timestamp").asText()));
    }

    private static List<PriceLevel> readLevels(JsonNode levels) {
        List<PriceLevel> out = new ArrayList<>(levels.size());
        for (JsonNode level : levels) {
            out.add(PriceLevel.of(level.get(0).asText(), level.get(1).asText()));
        }
        return out;
    }

    private static BigDecimal decimal(JsonNode node, String name) {
        String value = text(node, name);
        return value == null ? null : new BigDecimal(value);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** {@code node} on one line. */
    public static String line(ObjectNode node) {
        try {
            return SampleJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void levels(ArrayNode array, List<PriceLevel> levels) {
        for (PriceLevel level : levels) {
            array.addArray().add(level.price().toPlainString()).add(level.amount().toPlainString());
        }
    }

    private static void decimal(ObjectNode node, String name, BigDecimal value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value.toPlainString());
        }
    }

    private static void time(ObjectNode node, String name, Instant value) {
        node.put(name, value == null ? null : value.toString());
    }
}
