package io.exflux.kafka;

import static io.exflux.kafka.CollectorGroupFailoverTest.await;
import static io.exflux.kafka.CollectorGroupFailoverTest.sameBook;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.ExchangeClient;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.Trade;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.sim.SimTrade;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;

/**
 * The broker stops for ten seconds while a collector publishes: the publisher's buffer fills to its
 * capacity and then drops the oldest records (counted), nothing fails, and once the broker is back the
 * reader's book recovers at the next snapshot and equals the venue's.
 */
@ExtendWith(SharedKafkaBroker.class)
class BrokerOutageTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.parse("BTC_USDT");
    private static final CurrencyPair ETH_USDT = CurrencyPair.parse("ETH_USDT");
    private static final int CAPACITY = 100;

    @Test
    void aTenSecondOutageFillsTheBufferDropsTheOldestAndEverythingElseCarriesOn(KafkaTestBroker broker) throws Exception {
        try (AlpSimulator alp = Markets.alp(11, Duration.ofMillis(50))) {
            String bootstrap = broker.bootstrapServers();
            ExchangeClient client = Markets.alpClient(alp.restBaseUrl(), alp.websocketUrl());
            KafkaPublisher publisher = KafkaPublisher.create(KafkaPublisherOptions.builder(bootstrap).topicPrefix("outage")
                    .bufferCapacity(CAPACITY).overflowAction(OverflowAction.DROP_OLDEST)
                    .producerProperty("reconnect.backoff.max.ms", 200).build(), "only");
            MarketDataCollector collector = MarketDataCollector.start(Map.of(Markets.ALP, client), publisher,
                    CollectorOptions.builder("outage", List.of(StreamKey.of(Markets.ALP, BTC_USDT), StreamKey.of(Markets.ALP, ETH_USDT)))
                            .collect(CollectSettings.DEFAULTS.withSnapshotInterval(Duration.ofMillis(500))
                                    .withBackfillDelay(Duration.ofMillis(200)))
                            .sessionTimeout(Duration.ofSeconds(30)).heartbeatInterval(Duration.ofSeconds(1)).build(),
                    bootstrap);
            AtomicReference<Throwable> ownershipError = new AtomicReference<>();
            collector.ownership().subscribe(owned -> { }, ownershipError::set);
            KafkaMarketData reader = KafkaMarketData.create(KafkaMarketDataOptions.builder(bootstrap).topicPrefix("outage")
                    .startFrom(StartFrom.EARLIEST).build());
            AtomicReference<OrderBook> book = new AtomicReference<>();
            List<Trade> trades = new CopyOnWriteArrayList<>();
            AtomicReference<Throwable> readerError = new AtomicReference<>();
            Disposable books = reader.watchOrderBook(Markets.ALP, BTC_USDT, 20).subscribe(book::set, readerError::set);
            Disposable tape = reader.watchTrades(Markets.ALP, BTC_USDT).subscribe(trades::add, readerError::set);
            try {
                await("the collector publishes and the reader has a book", () -> collector.owned().size() == 2
                        && publisher.stats().published() > 0 && book.get() != null);

                PublisherStats before = publisher.stats();
                broker.stopBroker();
                Thread.sleep(10_000);
                PublisherStats during = publisher.stats();
                System.out.println("OUTAGE before " + before + " after 10 s " + during);
                assertThat(during.buffered()).as("the buffer is bounded").isLessThanOrEqualTo(CAPACITY);
                assertThat(during.dropped()).as("a full buffer drops, counted").isGreaterThan(before.dropped());
                assertThat(during.failed()).as("nothing failed: the outage is shorter than the delivery timeout").isZero();

                broker.startBroker();
                await("the buffer drains once the broker is back", () -> publisher.stats().buffered() == 0
                        && publisher.stats().published() > during.published());
                alp.generator().stop();
                await("the reader's book recovers and equals the venue's", () -> sameBook(book.get(), alp.book("BTC_USDT", 20)));

                PublisherStats after = publisher.stats();
                System.out.println("OUTAGE end " + after);
                assertThat(after.offered()).isEqualTo(after.published() + after.dropped() + after.failed() + after.buffered());
                assertThat(after.failed()).isZero();
                assertThat(collector.owned()).as("the collector kept its pairs").hasSize(2);
                assertThat(ownershipError.get()).isNull();
                assertThat(readerError.get()).isNull();
                List<String> ids = trades.stream().map(Trade::id).toList();
                assertThat(new HashSet<>(ids)).as("each trade once").hasSize(ids.size());
                assertThat(alp.trades("BTC_USDT").stream().map(SimTrade::id).map(String::valueOf).toList())
                        .as("only the venue's trades").containsAll(ids);
            } finally {
                books.dispose();
                tape.dispose();
                collector.close();
                publisher.close();
                client.close();
            }
        }
    }
}
