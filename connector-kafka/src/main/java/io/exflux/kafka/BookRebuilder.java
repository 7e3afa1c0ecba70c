package io.exflux.kafka;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.PriceLevel;
import io.exflux.reactive.internal.book.ApplyResult;
import io.exflux.reactive.internal.book.OrderBookEngine;
import java.util.List;

/**
 * Rebuilds one pair's book from the book topic with {@link OrderBookEngine}: the latest snapshot, then the
 * deltas, each checked against the sequence before it. A message numbered at or below the book's sequence
 * is a duplicate or comes late from a collector that has lost the pair, and is dropped; a gap makes the
 * engine wait for the next periodic snapshot (deltas meanwhile are buffered). The engine's precision is
 * taken from the snapshots (at least eight decimals), and widened by the next snapshot if a delta needs more.
 */
final class BookRebuilder implements EnvelopeStage<OrderBook> {

    private final CurrencyPair pair;
    private final int depth;
    private OrderBookEngine engine;
    private int priceScale = -1;
    private int amountScale = -1;

    BookRebuilder(CurrencyPair pair, int depth) {
        this.pair = pair;
        this.depth = depth;
    }

    @Override
    public OrderBook accept(MarketEnvelope envelope) {
        OrderBookUpdate update = (OrderBookUpdate) envelope.payload();
        boolean snapshot = update.kind() == OrderBookUpdate.Kind.SNAPSHOT;
        if (engine != null && engine.state() == OrderBookEngine.State.LIVE && update.sequence() <= engine.sequence()) {
            return null;
        }
        if (snapshot) {
            int prices = Math.max(OrderBookEngine.UNSTATED_SCALE, maxScale(update, true));
            int amounts = Math.max(OrderBookEngine.UNSTATED_SCALE, maxScale(update, false));
            if (engine == null || prices > priceScale || amounts > amountScale) {
                priceScale = Math.max(prices, priceScale);
                amountScale = Math.max(amounts, amountScale);
                engine = new OrderBookEngine(new PairInfo(pair, pair.symbol("_"), Math.min(18, priceScale),
                        Math.min(18, amountScale), null, null, null));
            }
        } else if (engine == null) {
            return null; // no snapshot yet: nothing to build on
        }
        ApplyResult result = engine.apply(update);
        return result.status() == ApplyResult.Status.APPLIED ? engine.view(depth) : null;
    }

    private static int maxScale(OrderBookUpdate update, boolean prices) {
        int scale = 0;
        for (List<PriceLevel> side : List.of(update.bids(), update.asks())) {
            for (PriceLevel level : side) {
                scale = Math.max(scale, (prices ? level.price() : level.amount()).stripTrailingZeros().scale());
            }
        }
        return scale;
    }
}
