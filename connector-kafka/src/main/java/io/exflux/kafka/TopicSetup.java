package io.exflux.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the data topics and the assignment topic when they do not exist yet (with the broker's default
 * replication factor), waits until the leader of each of their partitions answers for it (an idempotent
 * producer refused by a leader that does not host the partition yet may retry a batch the broker already
 * holds until its delivery timeout), and reads how many slices the assignment topic has. Blocks: called on
 * the collector's own thread.
 */
final class TopicSetup {

    private static final Duration LEADER_POLL = Duration.ofMillis(50);

    private TopicSetup() {
    }

    /**
     * Whether the leader of every partition answers for its offsets: the metadata names a leader a moment
     * before the broker hosts the partition, and a produce request in that moment may be refused.
     */
    private static boolean answers(Admin admin, Map<String, TopicDescription> described, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p ->
                partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        try {
            admin.listOffsets(partitions).all().get(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())),
                    TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException) {
                return false;
            }
            throw e;
        }
    }

    /** Ensures the topics exist; returns the assignment topic's partition count. */
    static int ensure(String bootstrapServers, String prefix, int dataPartitions, int slices, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = new ArrayList<>();
            for (MarketKind kind : MarketKind.values()) {
                topics.add(new NewTopic(KafkaTopics.topic(prefix, kind), Optional.of(dataPartitions), Optional.empty()));
            }
            String assignments = KafkaTopics.assignments(prefix);
            topics.add(new NewTopic(assignments, Optional.of(slices), Optional.empty()));
            for (KafkaFuture<Void> created : admin.createTopics(topics).values().values()) {
                try {
                    created.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            List<String> names = topics.stream().map(NewTopic::name).toList();
            while (true) {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                        .get(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())), TimeUnit.MILLISECONDS);
                boolean led = described.values().stream().flatMap(d -> d.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (led && answers(admin, described, deadline)) {
                    return described.get(assignments).partitions().size();
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the partitions of " + names + " have no leader that hosts them yet");
                }
                Thread.sleep(LEADER_POLL.toMillis());
            }
        }
    }
}
