package io.exflux.benchmarks;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Side;
import io.exflux.api.model.Trade;
import io.exflux.kafka.EnvelopeCodec;
import io.exflux.kafka.KafkaPublisher;
import io.exflux.kafka.KafkaPublisherOptions;
import io.exflux.kafka.KafkaTopics;
import io.exflux.kafka.MarketEnvelope;
import io.exflux.kafka.MarketKind;
import io.exflux.kafka.PublisherStats;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Messages per second that one collector's {@link KafkaPublisher} gets acknowledged (encoding each envelope,
 * the bounded buffer, the sender thread, the idempotent producer) against a bare {@link KafkaProducer} with the
 * same properties sending the same records already serialized. Both send the same trades of twelve pairs to
 * the same broker; rounds alternate and the medians are compared. A harness rather than JMH: one round is a
 * batch that ends when the broker has acknowledged everything.
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.exflux.benchmarks.KafkaPublishHarness [messages] [rounds] [host:port]
 * </pre>
 * Without {@code host:port} a KRaft broker is started in this JVM on loopback. {@code -Dinflight=N} sets
 * {@code max.in.flight.requests.per.connection} for both sides (5 by default); on a heavily loaded machine the
 * in-process broker was seen to answer OUT_OF_ORDER_SEQUENCE_NUMBER to 5 in flight, stalling a round.
 */
public final class KafkaPublishHarness {

    private KafkaPublishHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error"); // the broker's and clients' chatter
        }
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        KafkaClusterTestKit cluster = null;
        String bootstrap;
        if (args.length > 2) {
            bootstrap = args[2];
        } else {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                    .setNumBrokerNodes(1).setNumControllerNodes(1).build()).build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            bootstrap = cluster.bootstrapServers();
        }
        try {
            run(bootstrap, messages, rounds);
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    private static void run(String bootstrap, int messages, int rounds) throws Exception {
        List<MarketEnvelope> envelopes = envelopes(messages);
        List<byte[]> encoded = envelopes.stream().map(EnvelopeCodec::encode).toList();
        double[] ours = new double[rounds];
        double[] bare = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            // each producer writes to topics of its own: the in-process broker was seen to hand a producer id
            // out twice, which breaks the idempotent sequence of a partition both write to
            KafkaPublisherOptions ourOptions = options(bootstrap, "bench" + round + "p", messages);
            KafkaPublisherOptions bareOptions = options(bootstrap, "bench" + round + "b", messages);
            if (round % 2 == 0) { // alternate which goes first: the second one finds a warmer broker
                bare[round] = bare(bareOptions, envelopes, encoded);
                ours[round] = publisher(ourOptions, envelopes);
            } else {
                ours[round] = publisher(ourOptions, envelopes);
                bare[round] = bare(bareOptions, envelopes, encoded);
            }
            System.out.printf("round %d: publisher %.0f msg/s, bare producer %.0f msg/s%n", round + 1, ours[round], bare[round]);
        }
        double ourMedian = median(ours);
        double bareMedian = median(bare);
        System.out.printf("median of %d rounds of %d messages: publisher %.0f msg/s, bare producer %.0f msg/s, "
                + "bare/publisher %.2fx%n", rounds, messages, ourMedian, bareMedian, bareMedian / ourMedian);
    }

    private static KafkaPublisherOptions options(String bootstrap, String prefix, int messages) throws Exception {
        createTopics(bootstrap, prefix);
        return KafkaPublisherOptions.builder(bootstrap).topicPrefix(prefix).bufferCapacity(messages)
                .deliveryTimeout(java.time.Duration.ofMinutes(5)).producerProperty("request.timeout.ms", 120_000)
                .producerProperty("max.in.flight.requests.per.connection", Integer.getInteger("inflight", 5)).build();
    }

    private static double publisher(KafkaPublisherOptions options, List<MarketEnvelope> envelopes) throws InterruptedException {
        try (KafkaPublisher publisher = KafkaPublisher.create(options, "harness")) {
            long start = System.nanoTime();
            for (MarketEnvelope envelope : envelopes) {
                publisher.publish(envelope);
            }
            PublisherStats stats = publisher.stats();
            while (stats.published() + stats.failed() + stats.dropped() < envelopes.size()) {
                TimeUnit.MICROSECONDS.sleep(200);
                stats = publisher.stats();
            }
            long nanos = System.nanoTime() - start;
            if (stats.failed() + stats.dropped() > 0) {
                throw new IllegalStateException("the publisher lost messages: " + stats);
            }
            return envelopes.size() * 1e9 / nanos;
        }
    }

    private static double bare(KafkaPublisherOptions options, List<MarketEnvelope> envelopes, List<byte[]> encoded)
            throws InterruptedException {
        String topic = KafkaTopics.topic(options.topicPrefix(), MarketKind.TRADE);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(encoded.size());
        for (int i = 0; i < encoded.size(); i++) {
            records.add(new ProducerRecord<>(topic, null,
                    envelopes.get(i).key().recordKey().getBytes(StandardCharsets.UTF_8), encoded.get(i)));
        }
        AtomicLong acked = new AtomicLong();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaPublisher.producerProperties(options))) {
            long start = System.nanoTime();
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record, (metadata, error) -> acked.incrementAndGet());
            }
            while (acked.get() < records.size()) {
                TimeUnit.MICROSECONDS.sleep(200);
            }
            return records.size() * 1e9 / (System.nanoTime() - start);
        }
    }

    private static void createTopics(String bootstrap, String prefix) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(KafkaTopics.topic(prefix, MarketKind.TRADE), Optional.of(12),
                    Optional.empty()))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<MarketEnvelope> envelopes(int count) {
        List<CurrencyPair> pairs = new ArrayList<>();
        for (String base : List.of("BTC", "ETH", "LTC", "XRP", "SOL", "ADA")) {
            pairs.add(CurrencyPair.of(base, "USDT"));
            pairs.add(CurrencyPair.of(base, "USD"));
        }
        Instant now = Instant.now();
        List<MarketEnvelope> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Trade trade = new Trade(pairs.get(i % pairs.size()), Integer.toString(i),
                    new BigDecimal("65000.00").add(BigDecimal.valueOf(i % 1000, 2)), new BigDecimal("0.01234567"),
                    i % 2 == 0 ? Side.BUY : Side.SELL, now);
            out.add(MarketEnvelope.trade(i % 2 == 0 ? "alp" : "btc-alpha", trade, now, "harness"));
        }
        return out;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
