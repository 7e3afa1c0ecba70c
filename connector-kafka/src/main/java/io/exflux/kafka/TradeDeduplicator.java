package io.exflux.kafka;

import io.exflux.api.model.Trade;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Delivers each trade id once: the last {@code remembered} ids are kept, so a trade published twice (by
 * the collector that lost the pair and by the one that took it over and backfilled) reaches the
 * subscriber once.
 */
final class TradeDeduplicator implements EnvelopeStage<Trade> {

    private final Map<String, Boolean> seen;
    private long duplicates;

    TradeDeduplicator(int remembered) {
        this.seen = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
            }
        };
    }

    @Override
    public Trade accept(MarketEnvelope envelope) {
        Trade trade = (Trade) envelope.payload();
        if (seen.put(trade.id(), Boolean.TRUE) != null) {
            duplicates++;
            return null;
        }
        return trade;
    }

    long duplicates() {
        return duplicates;
    }
}
