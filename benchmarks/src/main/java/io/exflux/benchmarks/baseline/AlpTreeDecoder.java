package io.exflux.benchmarks.baseline;

import static io.exflux.reactive.internal.codec.LenientJson.decimal;
import static io.exflux.reactive.internal.codec.LenientJson.epochSeconds;
import static io.exflux.reactive.internal.codec.LenientJson.longValue;
import static io.exflux.reactive.internal.codec.LenientJson.optionalDecimal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.venue.alp.model.AlpDepth;
import io.exflux.reactive.venue.alp.model.AlpDiff;
import io.exflux.reactive.venue.alp.model.AlpLevel;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.alp.model.AlpTickerUpdate;
import io.exflux.reactive.venue.alp.model.AlpWsTicker;
import io.exflux.reactive.venue.alp.model.AlpWsTrade;
import java.util.ArrayList;
import java.util.List;

/**
 * The way ALP market-data frames were read before the streaming decoder: {@code readTree}, then each value
 * taken from the tree with {@code LenientJson}. Kept as the baseline of {@code DecodeBenchmark} and as the
 * reference of the differential test; not used by the library.
 */
public final class AlpTreeDecoder {

    private static final int TICKER_ROW_SIZE = 9;

    private AlpTreeDecoder() {
    }

    /**
     * A {@code t}, {@code d}, {@code p} or {@code tk} frame into its record.
     *
     * @throws IllegalArgumentException when the frame is not one of them or does not read
     */
    public static AlpMessage decode(String text) {
        JsonNode f;
        try {
            f = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        if (f == null || !f.isArray() || f.isEmpty() || !f.get(0).isTextual()) {
            throw new IllegalArgumentException("not a JSON array starting with a type");
        }
        return switch (f.get(0).asText()) {
            case "t" -> trade(f);
            case "d" -> diff(f);
            case "p" -> depth(f);
            case "tk" -> tickers(f);
            default -> throw new IllegalArgumentException("not market data");
        };
    }

    private static AlpWsTrade trade(JsonNode f) {
        need(f, 7);
        return new AlpWsTrade(epochSeconds(f.get(1)), longValue(f.get(2)), f.get(3).asText(), decimal(f.get(4)),
                decimal(f.get(5)), f.get(6).asText());
    }

    private static AlpTickerUpdate tickers(JsonNode f) {
        need(f, 2);
        List<AlpWsTicker> rows = new ArrayList<>(f.size() - 2);
        for (int i = 2; i < f.size(); i++) {
            JsonNode row = f.get(i);
            if (!row.isArray() || row.size() < TICKER_ROW_SIZE) {
                continue;
            }
            rows.add(new AlpWsTicker(row.get(0).asText(), decimal(row.get(1)), decimal(row.get(2)),
                    decimal(row.get(3)), decimal(row.get(4)), decimal(row.get(5)), decimal(row.get(6)),
                    decimal(row.get(7)), decimal(row.get(8))));
        }
        return new AlpTickerUpdate(epochSeconds(f.get(1)), rows);
    }

    private static AlpDiff diff(JsonNode f) {
        need(f, 4);
        JsonNode sides = array(f.get(3));
        if (sides.size() != 2) {
            throw new IllegalArgumentException("diff data is not [asks, bids]");
        }
        return new AlpDiff(epochSeconds(f.get(1)), f.get(2).asText(), levels(sides.get(0)), levels(sides.get(1)));
    }

    private static AlpDepth depth(JsonNode f) {
        need(f, 3);
        JsonNode book = f.get(2);
        if (!book.isObject()) {
            throw new IllegalArgumentException("market depth payload is not an object");
        }
        return new AlpDepth(epochSeconds(f.get(1)), required(book, "Symbol").asText(),
                levels(required(book, "Asks")), levels(required(book, "Bids")),
                optionalDecimal(book.get("TotalAsks")), optionalDecimal(book.get("TotalBids")));
    }

    private static List<AlpLevel> levels(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<AlpLevel> out = new ArrayList<>(node.size());
        for (JsonNode level : array(node)) {
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

    private static JsonNode array(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("not an array");
        }
        return node;
    }

    private static void need(JsonNode f, int size) {
        if (f.size() < size) {
            throw new IllegalArgumentException("frame has " + f.size() + " elements, expected " + size);
        }
    }
}
