package io.exflux.kafka;

import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The consumer side: what the collectors publish, as the {@code watch*} streams of a
 * {@code MarketDataClient}, from the configured {@link StartFrom}.
 *
 * <p>Every stream is cold: each subscription starts a reader of its own (a Kafka consumer without a group,
 * on a thread of its own) on the partition of its pair, and stops it on cancel. Streams never complete.
 * A bad argument arrives as {@link InvalidRequestException}; a consumer failure as
 * {@code ExchangeUnavailableException}. Messages that cannot be read are logged and skipped.
 */
public final class KafkaMarketData {

    private final KafkaMarketDataOptions options;

    private KafkaMarketData(KafkaMarketDataOptions options) {
        this.options = options;
    }

    public static KafkaMarketData create(KafkaMarketDataOptions options) {
        return new KafkaMarketData(Objects.requireNonNull(options, "options"));
    }

    /**
     * Every trade of the pair, each trade id once (duplicates from a failover are recognised by id), in
     * partition order. Bounded buffer of {@link KafkaMarketDataOptions#bufferSize()}: a slow subscriber
     * pauses the partition rather than losing trades.
     */
    public Flux<Trade> watchTrades(String venue, CurrencyPair pair) {
        return read(venue, pair, MarketKind.TRADE, false, () -> new TradeDeduplicator(options.rememberedTradeIds()));
    }

    /**
     * The book rebuilt from the latest snapshot plus the sequence-checked deltas, at most {@code depth}
     * levels a side; nothing until the first snapshot. Latest wins: a slow subscriber sees fewer books,
     * each one consistent.
     */
    public Flux<OrderBook> watchOrderBook(String venue, CurrencyPair pair, int depth) {
        if (depth <= 0) {
            return Flux.error(new InvalidRequestException("depth must be positive: " + depth));
        }
        return read(venue, pair, MarketKind.BOOK, true, () -> new BookRebuilder(pair, depth));
    }

    /** Tickers whose exchange time moves forward. Latest wins. */
    public Flux<Ticker> watchTicker(String venue, CurrencyPair pair) {
        return read(venue, pair, MarketKind.TICKER, true, TickerFilter::new);
    }

    private <T> Flux<T> read(String venue, CurrencyPair pair, MarketKind kind, boolean latestOnly,
                             java.util.function.Supplier<EnvelopeStage<T>> stage) {
        if (venue == null || venue.isBlank() || pair == null) {
            return Flux.error(new InvalidRequestException("a venue and a pair are required"));
        }
        StreamKey key;
        try {
            key = StreamKey.of(venue, pair);
        } catch (IllegalArgumentException e) {
            return Flux.error(new InvalidRequestException(e.getMessage()));
        }
        return Flux.create(sink -> {
            PartitionReader<T> reader = new PartitionReader<>(options, kind, key, stage.get(), latestOnly, sink);
            sink.onRequest(reader::request);
            sink.onDispose(reader::stop);
            reader.start();
        }, FluxSink.OverflowStrategy.BUFFER);
    }
}
