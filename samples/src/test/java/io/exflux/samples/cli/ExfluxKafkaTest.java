package io.exflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.samples.cli.venue.AlpConnector;
import io.exflux.samples.cli.venue.VenueRegistry;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.sim.GeneratorSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;

/**
 * {@code exflux collect} publishing the embedded simulator to a real (in-process, KRaft) broker, and
 * {@code exflux book --from-kafka} showing that book and its trades, as a user would run them.
 */
class ExfluxKafkaTest {

    private static final AlpSimulatorOptions LIVELY = AlpSimulatorOptions.builder()
            .generator(GeneratorSettings.defaults().withStepInterval(Duration.ofMillis(20)))
            .build();

    private final VenueRegistry venues = new VenueRegistry(List.of(new AlpConnector(LIVELY, b -> b)));

    @Test
    void collectPublishesTheVenueAndBookFromKafkaShowsItsBookAndTrades() throws Exception {
        try (KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.replication.factor", "1") // one broker holds the group's offsets
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1").build()) {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            String kafka = cluster.bootstrapServers();

            CliHarness collector = new CliHarness(venues, Map.of(), false);
            AtomicInteger collectorExit = new AtomicInteger(-1);
            Thread collecting = new Thread(() -> collectorExit.set(collector.run("collect", "--kafka", kafka,
                    "--venue", "alp", "--pairs", "BTC_USDT,ETH_USDT", "--group", "cli-test", "--stats-every", "1s")));
            collecting.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!collector.out().contains("collecting alp:BTC_USDT,alp:ETH_USDT") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(collector.out()).contains("collecting alp:BTC_USDT,alp:ETH_USDT");
            // the reader takes trades from the newest on: start it once records reach the broker (a new cluster's
            // first produce requests wait for topics and their leaders), or its window may hold no trade at all
            Pattern published = Pattern.compile("kafka PublisherStats\\[.*published=[1-9]");
            while (!published.matcher(collector.out()).find() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(collector.out()).as("records published before the reader starts").containsPattern(published);

            CliHarness reader = new CliHarness(venues, Map.of(), false);
            int exit = reader.run("book", "--from-kafka", kafka, "--venue", "alp", "--pair", "BTC_USDT",
                    "--duration", "5s");

            assertThat(exit).isZero();
            assertThat(reader.out().lines().filter(l -> l.startsWith("book ")))
                    .isNotEmpty().allSatisfy(l -> assertThat(l).contains("BTC/USDT", "bid ", "ask "));
            assertThat(reader.out().lines().filter(l -> l.startsWith("trade "))).isNotEmpty();

            collector.pressCtrlC();
            collecting.join(Duration.ofSeconds(30).toMillis());
            assertThat(collectorExit.get()).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(collector.out().lines().filter(l -> l.startsWith("kafka PublisherStats[")))
                    .as("the publisher's counters, printed every second").isNotEmpty()
                    .anySatisfy(l -> assertThat(l).containsPattern("published=[1-9]"));
        }
    }
}
