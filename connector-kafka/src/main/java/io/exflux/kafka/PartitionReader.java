package io.exflux.kafka;

import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Operators;

/**
 * One subscriber's reader of one pair: a consumer of its own (no group, nothing committed) assigned to the
 * one partition that holds the pair's key, polled on a thread of its own (never a Reactor or Netty thread).
 * Each envelope of the pair goes through the {@link EnvelopeStage}; what comes out is delivered only as the
 * subscriber requests it. Queued mode (trades) holds up to {@code bufferSize} values, then pauses the
 * partition until half have been delivered; latest mode (books, tickers) keeps only the newest value.
 */
final class PartitionReader<T> {

    private static final Logger log = LoggerFactory.getLogger(PartitionReader.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaMarketDataOptions options;
    private final MarketKind kind;
    private final StreamKey key;
    private final byte[] keyBytes;
    private final EnvelopeStage<T> stage;
    private final boolean latestOnly;
    private final FluxSink<T> sink;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    PartitionReader(KafkaMarketDataOptions options, MarketKind kind, StreamKey key, EnvelopeStage<T> stage,
                    boolean latestOnly, FluxSink<T> sink) {
        this.options = options;
        this.kind = kind;
        this.key = key;
        this.keyBytes = key.recordKey().getBytes(StandardCharsets.UTF_8);
        this.stage = stage;
        this.latestOnly = latestOnly;
        this.sink = sink;
        this.thread = new Thread(this::run, "exflux-kafka-reader-" + kind.wireName() + "-" + key.recordKey());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void request(long n) {
        requested.getAndUpdate(r -> Operators.addCap(r, n));
        drain();
    }

    void stop() {
        stopped = true;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private void run() {
        Map<String, Object> properties = new HashMap<>(options.consumerProperties());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(properties)) {
            consumer = c;
            if (stopped) {
                return;
            }
            TopicPartition partition = partition(c);
            if (partition == null) {
                return;
            }
            c.assign(List.of(partition));
            seek(c, partition);
            boolean paused = false;
            while (!stopped) {
                for (ConsumerRecord<byte[], byte[]> record : c.poll(POLL)) {
                    if (Arrays.equals(keyBytes, record.key())) {
                        handle(record.value());
                    }
                }
                if (!latestOnly) {
                    int held = queued.get();
                    if (!paused && held >= options.bufferSize()) {
                        c.pause(List.of(partition));
                        paused = true;
                    } else if (paused && held <= options.bufferSize() / 2) {
                        c.resume(List.of(partition));
                        paused = false;
                    }
                }
            }
        } catch (WakeupException e) {
            // stopped by the subscriber
        } catch (RuntimeException e) {
            if (!stopped) {
                sink.error(new ExchangeUnavailableException("reading " + key + " from Kafka failed: " + e.getMessage()));
            }
        }
    }

    /** The partition of the key, as the producer's default partitioner picks it; waits for the topic. */
    private TopicPartition partition(KafkaConsumer<byte[], byte[]> c) {
        String topic = KafkaTopics.topic(options.topicPrefix(), kind);
        while (!stopped) {
            List<PartitionInfo> partitions = c.partitionsFor(topic);
            if (partitions != null && !partitions.isEmpty()) {
                return new TopicPartition(topic, Utils.toPositive(Utils.murmur2(keyBytes)) % partitions.size());
            }
            try {
                Thread.sleep(500); // the topic is created by the first collector
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private void seek(KafkaConsumer<byte[], byte[]> c, TopicPartition partition) {
        if (options.startFrom() == StartFrom.EARLIEST) {
            c.seekToBeginning(List.of(partition));
            return;
        }
        if (kind == MarketKind.BOOK) {
            long since = Instant.now().minus(options.bookLookback()).toEpochMilli();
            OffsetAndTimestamp found = c.offsetsForTimes(Map.of(partition, since)).get(partition);
            if (found != null) {
                c.seek(partition, found.offset());
                return;
            }
        }
        c.seekToEnd(List.of(partition));
    }

    private void handle(byte[] value) {
        MarketEnvelope envelope;
        try {
            envelope = EnvelopeCodec.decode(value);
        } catch (ProtocolException e) {
            log.warn("skipping an unreadable message of {}: {}", key, e.getMessage());
            return;
        }
        T out = stage.accept(envelope);
        if (out == null) {
            return;
        }
        if (latestOnly) {
            latest.set(out);
        } else {
            queue.offer(out);
            queued.incrementAndGet();
        }
        drain();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            long wanted = requested.get();
            long emitted = 0;
            while (emitted != wanted && !stopped) {
                T value = latestOnly ? latest.getAndSet(null) : queue.poll();
                if (value == null) {
                    break;
                }
                if (!latestOnly) {
                    queued.decrementAndGet();
                }
                sink.next(value);
                emitted++;
            }
            if (emitted != 0 && wanted != Long.MAX_VALUE) {
                requested.addAndGet(-emitted);
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }
}
