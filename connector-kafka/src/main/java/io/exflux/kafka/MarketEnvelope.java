package io.exflux.kafka;

import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import java.time.Instant;
import java.util.Objects;

/**
 * One message on Kafka: who and what it is about, when, and the unified record it carries.
 *
 * @param version      the envelope format ({@link #VERSION}); readers skip versions they do not know
 * @param key          venue and pair
 * @param kind         trade, book or ticker
 * @param sequence     the venue sequence that recognises duplicates: the trade id, the book sequence, the
 *                     ticker's exchange time in milliseconds
 * @param exchangeTime the venue's time of the event
 * @param receiveTime  when the collector received it
 * @param source       the collector instance that published it
 * @param payload      a {@link Trade}, an {@link OrderBookUpdate} or a {@link Ticker}, matching {@code kind}
 */
public record MarketEnvelope(int version, StreamKey key, MarketKind kind, String sequence, Instant exchangeTime,
                             Instant receiveTime, String source, Object payload) {

    /** The envelope format written by this version. */
    public static final int VERSION = 1;

    public MarketEnvelope {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(exchangeTime, "exchangeTime");
        Objects.requireNonNull(receiveTime, "receiveTime");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
        Class<?> expected = switch (kind) {
            case TRADE -> Trade.class;
            case BOOK -> OrderBookUpdate.class;
            case TICKER -> Ticker.class;
        };
        if (!expected.isInstance(payload)) {
            throw new IllegalArgumentException("a " + kind.wireName() + " envelope carries a " + expected.getSimpleName());
        }
    }

    public static MarketEnvelope trade(String venue, Trade trade, Instant receiveTime, String source) {
        return new MarketEnvelope(VERSION, StreamKey.of(venue, trade.pair()), MarketKind.TRADE, trade.id(),
                trade.timestamp(), receiveTime, source, trade);
    }

    public static MarketEnvelope book(String venue, OrderBookUpdate update, Instant receiveTime, String source) {
        return new MarketEnvelope(VERSION, StreamKey.of(venue, update.pair()), MarketKind.BOOK,
                Long.toString(update.sequence()), update.timestamp(), receiveTime, source, update);
    }

    public static MarketEnvelope ticker(String venue, Ticker ticker, Instant receiveTime, String source) {
        return new MarketEnvelope(VERSION, StreamKey.of(venue, ticker.pair()), MarketKind.TICKER,
                Long.toString(ticker.timestamp().toEpochMilli()), ticker.timestamp(), receiveTime, source, ticker);
    }
}
