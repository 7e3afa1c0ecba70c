package io.exflux.kafka;

import io.exflux.api.ExchangeClient;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * One collector of a group: it joins the consumer group {@link CollectorOptions#groupId()} on the
 * assignment topic, whose partitions stand for slices of the venue x pair set (the key at index {@code i}
 * of the sorted set belongs to slice {@code i % slices}), and publishes exactly the pairs of the slices
 * Kafka assigns to it. On a rebalance it stops the streams of the slices it lost and starts those it
 * gained; a collector that dies stops heartbeating and its slices move to the others once the session
 * timeout has passed. Kafka's group membership is the only coordinator; nothing is ever written to the
 * assignment topic.
 *
 * <p>The group consumer runs on a thread of the collector's own (never a Reactor or Netty thread), which
 * also creates missing topics at start. {@link #ownership()} is hot and replays the latest set.
 */
public final class MarketDataCollector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MarketDataCollector.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(2);

    private final Map<String, ExchangeClient> clients;
    private final KafkaPublisher publisher;
    private final CollectorOptions options;
    private final String bootstrapServers;
    private final Map<StreamKey, Disposable> running = new ConcurrentHashMap<>();
    private final Sinks.Many<Set<StreamKey>> ownership = Sinks.many().replay().latest();
    private final Thread thread;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean closing;
    private volatile int slices;

    private MarketDataCollector(Map<String, ExchangeClient> clients, KafkaPublisher publisher,
                                CollectorOptions options, String bootstrapServers) {
        this.clients = Map.copyOf(clients);
        this.publisher = publisher;
        this.options = options;
        this.bootstrapServers = bootstrapServers;
        for (StreamKey key : options.keys()) {
            if (!this.clients.containsKey(key.venue())) {
                throw new IllegalArgumentException("no client for venue '" + key.venue() + "' of " + key);
            }
        }
        this.thread = new Thread(this::run, "exflux-kafka-collector-" + publisher.source());
        this.thread.setDaemon(true);
    }

    /**
     * Starts a collector: returns at once; the group is joined and the assigned pairs start on the
     * collector's thread.
     *
     * @param clients          the unified client of each venue id used in the keys
     * @param publisher        where the data goes (its source names this collector)
     * @param bootstrapServers the cluster, {@code host:port[,...]}
     * @throws IllegalArgumentException when a key's venue has no client
     */
    public static MarketDataCollector start(Map<String, ExchangeClient> clients, KafkaPublisher publisher,
                                            CollectorOptions options, String bootstrapServers) {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        MarketDataCollector collector = new MarketDataCollector(clients, publisher, options, bootstrapServers);
        collector.thread.start();
        return collector;
    }

    /** The pairs this collector publishes now. */
    public Set<StreamKey> owned() {
        return Set.copyOf(running.keySet());
    }

    /** Every change of {@link #owned()}; hot, replays the latest. Completes when the collector closes. */
    public Flux<Set<StreamKey>> ownership() {
        return ownership.asFlux();
    }

    /** The slice of {@code key}: its index in the sorted key set modulo the slice count. */
    static int sliceOf(List<StreamKey> keys, StreamKey key, int slices) {
        return keys.indexOf(key) % slices;
    }

    private void run() {
        // the cluster may not be up yet: try again until it is, or until closed
        while (!closing) {
            try {
                slices = TopicSetup.ensure(bootstrapServers, publisher.topicPrefix(), options.dataPartitions(),
                        options.slices(), Duration.ofSeconds(30));
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("the topics of prefix {} could not be created or read, trying again: {}",
                        publisher.topicPrefix(), e.toString());
                try {
                    Thread.sleep(TOPIC_RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (closing) {
            ownership.tryEmitComplete();
            return;
        }
        Map<String, Object> properties = new HashMap<>(options.consumerProperties());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, options.groupId());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "exflux-collector-" + publisher.source());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) options.sessionTimeout().toMillis());
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) options.heartbeatInterval().toMillis());
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> group = new KafkaConsumer<>(properties)) {
            consumer = group;
            group.subscribe(List.of(KafkaTopics.assignments(publisher.topicPrefix())), new Listener());
            while (!closing) {
                group.poll(POLL); // the topic stays empty: polling keeps the membership and runs the listener
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("the collector's group consumer failed; its pairs stop", e);
        } finally {
            stopAll();
            ownership.tryEmitComplete();
        }
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            stop(partitions, "revoked");
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            stop(partitions, "lost");
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Set<Integer> gained = slicesOf(partitions);
            List<StreamKey> keys = options.keys();
            for (StreamKey key : keys) {
                if (gained.contains(sliceOf(keys, key, slices)) && !running.containsKey(key)) {
                    running.put(key, publisher.publish(clients.get(key.venue()), key.venue(), key.pair(),
                            options.collect()));
                }
            }
            if (!gained.isEmpty()) {
                log.info("collector {} gained slices {}, now publishing {}", publisher.source(), gained, new TreeSet<>(running.keySet()));
            }
            ownership.tryEmitNext(owned());
        }
    }

    private void stop(Collection<TopicPartition> partitions, String how) {
        Set<Integer> lost = slicesOf(partitions);
        List<StreamKey> keys = options.keys();
        for (StreamKey key : keys) {
            if (lost.contains(sliceOf(keys, key, slices))) {
                Disposable streams = running.remove(key);
                if (streams != null) {
                    streams.dispose();
                }
            }
        }
        if (!lost.isEmpty()) {
            log.info("collector {} {} slices {}", publisher.source(), how, lost);
        }
        ownership.tryEmitNext(owned());
    }

    private static Set<Integer> slicesOf(Collection<TopicPartition> partitions) {
        Set<Integer> set = new TreeSet<>();
        for (TopicPartition partition : partitions) {
            set.add(partition.partition());
        }
        return set;
    }

    private void stopAll() {
        running.values().forEach(Disposable::dispose);
        running.clear();
    }

    /**
     * Leaves the group (its pairs move to the others at once), stops its streams and waits for the thread.
     * Runs on a bounded-elastic thread. Cold. The publisher and the clients stay open: their owner closes them.
     */
    public Mono<Void> closeGracefully() {
        return Mono.<Void>fromRunnable(this::close).subscribeOn(Schedulers.boundedElastic());
    }

    /** Like {@link #closeGracefully()} on the calling thread, which it blocks; not on a Reactor thread. */
    @Override
    public void close() {
        closing = true;
        KafkaConsumer<byte[], byte[]> group = consumer;
        if (group != null) {
            group.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
