package io.exflux.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.Capabilities;
import io.exflux.api.Capability;
import io.exflux.api.ExchangeClient;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Side;
import io.exflux.api.model.Trade;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * A pair taken over whose live trade subscription takes longer to be in place than the backfill delay (a
 * loaded machine, a slow venue): the trades made in between reach Kafka all the same, each once.
 */
class TradeBackfillTest {

    private static final CurrencyPair PAIR = CurrencyPair.parse("BTC_USDT");

    @Test
    void aTradeMadeBeforeTheLiveSubscriptionIsInPlaceIsBackfilledOnce() throws Exception {
        List<Trade> venue = new CopyOnWriteArrayList<>(List.of(trade("1")));
        Sinks.Many<Trade> live = Sinks.many().multicast().directBestEffort();
        AtomicInteger pagesRead = new AtomicInteger();
        ExchangeClient client = venue(venue, live, pagesRead);
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        try (KafkaPublisher publisher = KafkaPublisher.create(KafkaPublisherOptions.builder("localhost:1").build(),
                "test", producer)) {
            Disposable streams = publisher.publish(client, Markets.ALP, PAIR, CollectSettings.DEFAULTS
                    .withBackfillDelay(Duration.ofMillis(20)));
            CollectorGroupFailoverTest.await("the backfill delay passed and the page was read", () -> pagesRead.get() == 1);
            venue.add(trade("2")); // the live subscription is not in place yet: the socket never shows it
            venue.add(trade("3"));
            live.tryEmitNext(trade("3")); // now it is
            CollectorGroupFailoverTest.await("three trades published", () -> producer.history().size() >= 3);
            Thread.sleep(100); // a fourth record, a duplicate, would have arrived by now
            streams.dispose();

            List<String> ids = producer.history().stream()
                    .map(r -> ((Trade) EnvelopeCodec.decode(r.value()).payload()).id()).toList();
            assertThat(ids).containsExactly("1", "2", "3");
        }
    }

    private static Trade trade(String id) {
        return new Trade(PAIR, id, new BigDecimal("100"), BigDecimal.ONE, Side.BUY, Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** A venue that lists {@code trades} over REST and pushes what {@code live} emits; nothing else. */
    private static ExchangeClient venue(List<Trade> trades, Sinks.Many<Trade> live, AtomicInteger pagesRead) {
        return (ExchangeClient) Proxy.newProxyInstance(ExchangeClient.class.getClassLoader(),
                new Class<?>[] {ExchangeClient.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "capabilities" -> Capabilities.of(Capability.WATCH_TRADES, Capability.TRADES);
                    case "watchTrades" -> live.asFlux();
                    case "trades" -> Flux.defer(() -> {
                        pagesRead.incrementAndGet();
                        return Flux.fromIterable(List.copyOf(trades));
                    });
                    case "toString" -> "venue";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
