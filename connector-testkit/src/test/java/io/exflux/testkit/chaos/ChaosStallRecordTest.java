package io.exflux.testkit.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The proxy's record of when each stall really stopped and restarted forwarding, on its virtual clock. */
@ExtendWith(FailOnLeaks.class)
class ChaosStallRecordTest {

    private final EchoServer echo = new EchoServer();
    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final ChaosProxy proxy = ChaosProxy.to("127.0.0.1", echo.port()).scheduler(time).start();
    private final RawClient client = new RawClient(proxy.port());

    @AfterEach
    void stop() {
        client.close();
        proxy.close();
        echo.close();
        time.dispose();
    }

    private ChaosConnection connectThrough() {
        client.send(bytes("hi"));
        assertThat(client.read(2)).isEqualTo(bytes("hi"));
        return proxy.connections().get(0);
    }

    @Test
    void aHalfFrameStallStartsWhenItsBytesHaveGoneNotWhenItWasApplied() {
        ChaosConnection connection = connectThrough();
        ChaosFault half = ChaosFault.halfFrameThenStall(Direction.SERVER_TO_CLIENT, 3, Duration.ofSeconds(20));

        connection.apply(half);
        time.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(proxy.stalls()).as("armed, nothing flowed yet: no stall").isEmpty();
        client.send(bytes("hello"));
        assertThat(client.read(3)).isEqualTo(bytes("hel"));

        assertThat(proxy.events()).singleElement().satisfies(event -> assertThat(event.time()).isEqualTo(at(0)));
        assertThat(proxy.stalls()).singleElement().satisfies(stall -> {
            assertThat(stall.connectionId()).isEqualTo(connection.id());
            assertThat(stall.way()).isEqualTo(Direction.SERVER_TO_CLIENT);
            assertThat(stall.start()).isEqualTo(at(10));
            assertThat(stall.ongoing()).isTrue();
            assertThat(stall.cause()).isEqualTo(half);
        });

        time.advanceTimeBy(Duration.ofSeconds(20));
        assertThat(client.read(2)).isEqualTo(bytes("lo"));
        assertThat(proxy.stalls()).singleElement().satisfies(stall -> {
            assertThat(stall.end()).isEqualTo(at(30));
            assertThat(stall.lasted(at(99))).isEqualTo(Duration.ofSeconds(20));
        });
    }

    @Test
    void aStallEndsWhenItsConnectionIsCutAndAStallJoinedAddsNoRecord() {
        ChaosConnection connection = connectThrough();
        ChaosFault stall = ChaosFault.stall(Direction.BOTH, Duration.ofSeconds(30));

        time.advanceTimeBy(Duration.ofSeconds(5));
        connection.apply(stall);
        time.advanceTimeBy(Duration.ofSeconds(2));
        connection.apply(ChaosFault.stall(Direction.SERVER_TO_CLIENT, Duration.ofSeconds(40)));
        time.advanceTimeBy(Duration.ofSeconds(5));
        connection.apply(ChaosFault.cut());

        assertThat(client.readUntilEnd()).isNull();
        assertThat(proxy.stalls()).hasSize(2).allSatisfy(record -> {
            assertThat(record.start()).isEqualTo(at(5));
            assertThat(record.end()).isEqualTo(at(12));
            assertThat(record.cause()).isEqualTo(stall);
        }).extracting(ChaosStall::way).containsExactly(Direction.CLIENT_TO_SERVER, Direction.SERVER_TO_CLIENT);
    }

    @Test
    void aHealEndsAStallUntilResumedAndTheNextStallIsANewRecord() {
        ChaosConnection connection = connectThrough();

        connection.apply(ChaosFault.stall(Direction.SERVER_TO_CLIENT));
        time.advanceTimeBy(Duration.ofSeconds(8));
        proxy.heal();
        time.advanceTimeBy(Duration.ofSeconds(1));
        connection.apply(ChaosFault.stall(Direction.SERVER_TO_CLIENT, Duration.ofSeconds(3)));
        time.advanceTimeBy(Duration.ofSeconds(10));

        assertThat(proxy.stalls()).extracting(ChaosStall::start, ChaosStall::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(at(0), at(8)),
                        org.assertj.core.groups.Tuple.tuple(at(9), at(12)));
        client.send(bytes("flows"));
        assertThat(client.read(5)).isEqualTo(bytes("flows"));
    }

    private static Instant at(long second) {
        return Instant.ofEpochSecond(second);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
