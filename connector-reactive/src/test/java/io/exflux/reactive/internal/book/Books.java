package io.exflux.reactive.internal.book;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.OrderBookUpdate.Kind;
import io.exflux.api.model.OrderBookUpdate.Mode;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.PriceLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Short builders for book test data: levels written as {@code "price@amount"}. */
final class Books {

    static final CurrencyPair PAIR = CurrencyPair.of("BTC", "USD");
    /** Prices with at most 2 decimals, amounts with at most 5 (BTSE's BTC-USD looks like this). */
    static final PairInfo INFO = new PairInfo(PAIR, "BTC-USD", 2, 5, null, null, null);
    static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

    private Books() {
    }

    static List<PriceLevel> levels(String... priceAtAmount) {
        List<PriceLevel> levels = new ArrayList<>();
        for (String level : priceAtAmount) {
            String[] parts = level.split("@");
            levels.add(PriceLevel.of(parts[0], parts[1]));
        }
        return levels;
    }

    static OrderBook restSnapshot(long sequence, List<PriceLevel> bids, List<PriceLevel> asks) {
        return new OrderBook(PAIR, bids, asks, T0, sequence);
    }

    static OrderBookUpdate snapshot(long sequence, List<PriceLevel> bids, List<PriceLevel> asks) {
        return new OrderBookUpdate(PAIR, Kind.SNAPSHOT, Mode.ABSOLUTE, bids, asks, sequence, sequence - 1, T0);
    }

    static OrderBookUpdate delta(long sequence, List<PriceLevel> bids, List<PriceLevel> asks) {
        return new OrderBookUpdate(PAIR, Kind.DELTA, Mode.ABSOLUTE, bids, asks, sequence, sequence - 1,
                T0.plusMillis(sequence));
    }

    static OrderBookUpdate delta(long sequence, long previous, List<PriceLevel> bids, List<PriceLevel> asks) {
        return new OrderBookUpdate(PAIR, Kind.DELTA, Mode.ABSOLUTE, bids, asks, sequence, previous, T0);
    }

    static OrderBookUpdate diff(List<PriceLevel> bids, List<PriceLevel> asks) {
        return new OrderBookUpdate(PAIR, Kind.DELTA, Mode.DIFFERENCE, bids, asks, -1, -1, T0);
    }

    /** A side written back as {@code "price@amount"} strings without trailing zeros, best first. */
    static List<String> text(List<PriceLevel> levels) {
        List<String> text = new ArrayList<>();
        for (PriceLevel level : levels) {
            text.add(level.price().stripTrailingZeros().toPlainString() + "@"
                    + level.amount().stripTrailingZeros().toPlainString());
        }
        return text;
    }
}
