package io.exflux.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the data topics and the assignment topic when they do not exist yet (with the broker's default
 * replication factor), waits until each of their partitions has a leader, and reads how many slices the
 * assignment topic has. Blocks: called on the
 * collector's own thread.
 */
final class TopicSetup {

    private static final Duration LEADER_POLL = Duration.ofMillis(50);

    private TopicSetup() {
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
                // a producer that sends to a partition before its leader is elected may be refused and, being
                // idempotent, retry a batch the broker already holds for as long as its delivery timeout
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                        .get(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())), TimeUnit.MILLISECONDS);
                boolean led = described.values().stream().flatMap(d -> d.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (led) {
                    return described.get(assignments).partitions().size();
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the partitions of " + names + " have no leader yet");
                }
                Thread.sleep(LEADER_POLL.toMillis());
            }
        }
    }
}
