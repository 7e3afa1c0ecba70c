package io.exflux.kafka;

import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker in KRaft mode (one combined broker and controller) in this JVM, on loopback, from
 * Kafka's own test kit. Group sessions may be as short as 500 ms so that a killed collector is noticed fast.
 */
final class KafkaTestBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private KafkaTestBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static KafkaTestBroker start() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("group.min.session.timeout.ms", "500")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new KafkaTestBroker(cluster);
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Stops the broker (the controller stays up); its port stays reserved for {@link #startBroker()}. */
    void stopBroker() {
        for (Map.Entry<Integer, kafka.server.BrokerServer> broker : cluster.brokers().entrySet()) {
            broker.getValue().shutdown();
            broker.getValue().awaitShutdown();
        }
    }

    void startBroker() throws Exception {
        for (Map.Entry<Integer, kafka.server.BrokerServer> broker : cluster.brokers().entrySet()) {
            broker.getValue().startup();
        }
        cluster.waitForReadyBrokers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
