package io.exflux.kafka;

import io.exflux.api.model.Ticker;
import java.time.Instant;

/** Delivers tickers whose exchange time moves forward; a repeated or older one is dropped. */
final class TickerFilter implements EnvelopeStage<Ticker> {

    private Instant last = Instant.MIN;

    @Override
    public Ticker accept(MarketEnvelope envelope) {
        Ticker ticker = (Ticker) envelope.payload();
        if (!ticker.timestamp().isAfter(last)) {
            return null;
        }
        last = ticker.timestamp();
        return ticker;
    }
}
