package io.exflux.testkit.btse;

import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PriceLevel;
import io.exflux.testkit.sim.MarketSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BTSE's book grouping 0 to 8: grouping {@code g} rounds prices to {@code g} fewer decimals than the
 * market's price step (bids down, asks up, never below whole units) and adds the sizes that fall together.
 * Grouping 0 is the raw book.
 */
final class BtseBookGrouping {

    private BtseBookGrouping() {
    }

    static OrderBook group(OrderBook book, MarketSpec market, int grouping) {
        if (grouping <= 0) {
            return book;
        }
        int decimals = Math.max(0, market.pricePrecision() - grouping);
        return new OrderBook(book.pair(), merge(book.bids(), decimals, RoundingMode.DOWN),
                merge(book.asks(), decimals, RoundingMode.UP), book.timestamp(), book.sequence());
    }

    private static List<PriceLevel> merge(List<PriceLevel> levels, int decimals, RoundingMode rounding) {
        Map<BigDecimal, BigDecimal> merged = new LinkedHashMap<>();
        for (PriceLevel level : levels) {
            merged.merge(level.price().setScale(decimals, rounding), level.amount(), BigDecimal::add);
        }
        List<PriceLevel> out = new ArrayList<>(merged.size());
        merged.forEach((price, amount) -> out.add(new PriceLevel(price, amount)));
        return out;
    }
}
