package io.exflux.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The overflow policies, over Kafka's {@link MockProducer} without auto-completion: a record counts against
 * the capacity until the producer acknowledges it, as with a broker that does not answer. (The real outage
 * is in {@link BrokerOutageTest}.)
 */
class RecordBufferTest {

    private static ProducerRecord<byte[], byte[]> record(int i) {
        return new ProducerRecord<>("t", new byte[] {(byte) i});
    }

    private static MockProducer<byte[], byte[]> unanswered() {
        return new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Test
    void dropOldestKeepsTheNewestRecordsAndCountsTheRest() throws Exception {
        MockProducer<byte[], byte[]> producer = unanswered();
        RecordBuffer buffer = new RecordBuffer(producer, 3, OverflowAction.DROP_OLDEST, "test-sender");
        for (int i = 0; i < 3; i++) {
            buffer.offer(record(i));
        }
        CollectorGroupFailoverTest.await("three records reach the producer", () -> producer.history().size() == 3);
        for (int i = 3; i < 8; i++) {
            assertThat(buffer.offer(record(i))).as("everything held is in flight: the new one is dropped").isFalse();
        }
        producer.completeNext();
        assertThat(buffer.offer(record(8))).isTrue();

        PublisherStats stats = buffer.stats();
        assertThat(stats.offered()).isEqualTo(9);
        assertThat(stats.published()).isEqualTo(1);
        assertThat(stats.dropped()).isEqualTo(5);
        assertThat(stats.buffered()).isEqualTo(3);
        CollectorGroupFailoverTest.await("the kept record reaches the producer", () -> producer.history().size() == 4);
        while (producer.completeNext()) {
            // acknowledge the rest
        }
        assertThat(buffer.stats().buffered()).isZero();
        assertThat(buffer.stats().published()).isEqualTo(4);
        buffer.close(Duration.ofSeconds(1));
    }

    @Test
    void dropNewestKeepsWhatCameFirst() {
        MockProducer<byte[], byte[]> producer = unanswered();
        RecordBuffer buffer = new RecordBuffer(producer, 2, OverflowAction.DROP_NEWEST, "test-sender-2");
        List<Boolean> accepted = List.of(buffer.offer(record(0)), buffer.offer(record(1)), buffer.offer(record(2)));

        assertThat(accepted).containsExactly(true, true, false);
        assertThat(buffer.stats().dropped()).isEqualTo(1);
        buffer.close(Duration.ofSeconds(1));
    }
}
