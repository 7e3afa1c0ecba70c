package io.exflux.kafka;

import io.exflux.api.Capability;
import io.exflux.api.ExchangeClient;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Trade;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;
import reactor.util.retry.Retry;

/**
 * Publishes the unified streams of any {@link ExchangeClient} to Kafka: trades, the book (a snapshot, then
 * the changed levels, a snapshot again every {@link CollectSettings#snapshotInterval()}) and tickers, each
 * kind to its topic ({@link KafkaTopics}), keyed {@code venue:BASE_QUOTE} so one pair's messages stay in
 * order, as {@link EnvelopeCodec} JSON.
 *
 * <p>The producer is idempotent. Publishing never blocks the streams: records go to a bounded buffer
 * ({@link KafkaPublisherOptions#bufferCapacity()} records, queued or unacknowledged) drained by a thread of
 * the publisher's own; when Kafka is slow or down the buffer fills and the {@link OverflowAction} drops
 * records, counted in {@link #stats()}. An outage shorter than the delivery timeout loses nothing else: the
 * producer resends what it holds when the broker is back. A stream that fails is subscribed again with
 * backoff (an unknown pair is logged and left alone).
 */
public final class KafkaPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaPublisher.class);

    private final String source;
    private final String prefix;
    private final RecordBuffer buffer;

    private KafkaPublisher(String source, String prefix, RecordBuffer buffer) {
        this.source = source;
        this.prefix = prefix;
        this.buffer = buffer;
    }

    /**
     * A publisher with its own idempotent producer.
     *
     * @param source this collector's name, written in every envelope
     */
    public static KafkaPublisher create(KafkaPublisherOptions options, String source) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(source, "source");
        return create(options, source, new KafkaProducer<>(producerProperties(options)));
    }

    /**
     * A publisher over a given producer (one the caller configured, or a test's). Make it idempotent, as
     * {@link #producerProperties} does: the ordering and duplicate guarantees in {@code docs/scale-out.md} rest on it.
     */
    public static KafkaPublisher create(KafkaPublisherOptions options, String source, Producer<byte[], byte[]> producer) {
        return new KafkaPublisher(source, options.topicPrefix(), new RecordBuffer(producer,
                options.bufferCapacity(), options.overflowAction(), "exflux-kafka-sender-" + source));
    }

    /** The producer properties the publisher uses: the caller's, then what it insists on. */
    public static Map<String, Object> producerProperties(KafkaPublisherOptions options) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.putAll(options.producerProperties());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        int delivery = (int) Math.min(Integer.MAX_VALUE, options.deliveryTimeout().toMillis());
        int linger = ((Number) p.get(ProducerConfig.LINGER_MS_CONFIG)).intValue();
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, Math.min(30_000, delivery - linger)));
        return p;
    }

    /** This collector's name, as written in every envelope. */
    public String source() {
        return source;
    }

    /** The topic prefix. */
    public String topicPrefix() {
        return prefix;
    }

    /**
     * Queues one envelope; never blocks. False when the buffer was full and {@link OverflowAction#DROP_NEWEST}
     * dropped it.
     */
    public boolean publish(MarketEnvelope envelope) {
        return publishEncoded(envelope.kind(), envelope.key(), EnvelopeCodec.encode(envelope));
    }

    /** Queues an already encoded envelope of {@code kind} for {@code key}; never blocks. */
    public boolean publishEncoded(MarketKind kind, StreamKey key, byte[] value) {
        return buffer.offer(new ProducerRecord<>(KafkaTopics.topic(prefix, kind), null,
                key.recordKey().getBytes(StandardCharsets.UTF_8), value));
    }

    /** The counters: offered, published, failed, dropped, held now. */
    public PublisherStats stats() {
        return buffer.stats();
    }

    /**
     * Starts publishing {@code pair} of {@code client} (trades, book, ticker, as the client supports them)
     * under the venue id {@code venue}; dispose the result to stop. The streams run on the client's threads.
     */
    public Disposable publish(ExchangeClient client, String venue, CurrencyPair pair, CollectSettings settings) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(settings, "settings");
        Disposable.Composite all = Disposables.composite();
        if (client.capabilities().supports(Capability.WATCH_TRADES)) {
            all.add(restarting(trades(client, pair, settings), settings, venue, pair, "trades")
                    .subscribe(t -> publish(MarketEnvelope.trade(venue, t, Instant.now(), source))));
        }
        if (client.capabilities().supports(Capability.WATCH_ORDER_BOOK)) {
            all.add(restarting(Flux.defer(() -> {
                BookDiffer differ = new BookDiffer(pair, settings.snapshotInterval(), Instant.now());
                return client.watchOrderBook(pair, settings.bookDepth())
                        .mapNotNull(book -> differ.next(book, Instant.now()));
            }), settings, venue, pair, "book")
                    .subscribe(u -> publish(MarketEnvelope.book(venue, u, Instant.now(), source))));
        }
        if (client.capabilities().supports(Capability.WATCH_TICKER)) {
            all.add(restarting(client.watchTicker(pair), settings, venue, pair, "ticker")
                    .subscribe(t -> publish(MarketEnvelope.ticker(venue, t, Instant.now(), source))));
        }
        return all;
    }

    /**
     * Live trades, with the venue's recent trades over REST ahead of them: the page is read once the first
     * live trade has arrived (so the live subscription is surely in place and nothing falls between the two),
     * and, when the market is quiet, already {@code backfillDelay} after subscribing and again at the first
     * live trade. Live trades that arrive meanwhile wait in a buffer; those a page already holds are skipped.
     * Readers recognise the remaining overlap with what an earlier owner sent by trade id.
     */
    private static Flux<Trade> trades(ExchangeClient client, CurrencyPair pair, CollectSettings settings) {
        if (settings.tradeBackfill() == 0 || !client.capabilities().supports(Capability.TRADES)) {
            return client.watchTrades(pair);
        }
        return Flux.defer(() -> {
            Sinks.Many<Trade> early = Sinks.many().unicast().onBackpressureBuffer(Queues.<Trade>unbounded().get());
            Sinks.Empty<Void> firstLive = Sinks.empty();
            Disposable feed = client.watchTrades(pair).subscribe(t -> {
                firstLive.tryEmitEmpty();
                early.tryEmitNext(t);
            }, e -> {
                firstLive.tryEmitEmpty();
                early.tryEmitError(e);
            });
            Set<String> backfilled = new HashSet<>();
            Flux<Trade> page = Flux.defer(() -> client.trades(pair, settings.tradeBackfill()))
                    .filter(t -> backfilled.add(t.id()))
                    .onErrorResume(e -> {
                        log.warn("backfilling the trades of {} failed, live trades only: {}", pair, e.toString());
                        return Flux.empty();
                    });
            Flux<Trade> backfill = Mono.firstWithSignal(firstLive.asMono().thenReturn(true),
                            Mono.delay(settings.backfillDelay()).thenReturn(false))
                    .flatMapMany(live -> live ? page : page.concatWith(firstLive.asMono().thenMany(page)));
            return Flux.concat(backfill, early.asFlux().filter(t -> !backfilled.remove(t.id())))
                    .doFinally(signal -> feed.dispose());
        });
    }

    private static <T> Flux<T> restarting(Flux<T> stream, CollectSettings settings, String venue, CurrencyPair pair,
                                          String what) {
        return stream
                .retryWhen(Retry.backoff(Long.MAX_VALUE, settings.restartBackoff().isZero()
                                ? Duration.ofMillis(1) : settings.restartBackoff())
                        .maxBackoff(Duration.ofMinutes(1))
                        .filter(e -> !(e instanceof InvalidRequestException))
                        .doBeforeRetry(s -> log.warn("the {} stream of {} {} failed, subscribing again: {}",
                                what, venue, pair, s.failure().toString())))
                .onErrorResume(e -> {
                    log.warn("the {} stream of {} {} stopped: {}", what, venue, pair, e.toString());
                    return Flux.empty();
                });
    }

    /**
     * Stops sending, then lets the producer deliver what it holds for up to five seconds; what was still
     * queued counts as dropped. Runs on a bounded-elastic thread (closing the producer blocks). Cold.
     */
    public Mono<Void> closeGracefully() {
        return Mono.<Void>fromRunnable(() -> buffer.close(Duration.ofSeconds(5)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Closes at once on the calling thread, which may block for up to five seconds; not on a Reactor thread. */
    @Override
    public void close() {
        buffer.close(Duration.ofSeconds(5));
    }
}
