package io.exflux.testkit.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Seeded schedules, run in virtual time on the proxy's scheduler. */
@ExtendWith(FailOnLeaks.class)
class ChaosScheduleTest {

    private static final Duration SHORTEST = Duration.ofSeconds(2);
    private static final Duration LONGEST = Duration.ofSeconds(8);

    private final EchoServer echo = new EchoServer();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        echo.close();
    }

    private static ChaosSchedule soakLike(long seed, ChaosSchedule.Target target) {
        return ChaosSchedule.seeded(seed)
                .between(SHORTEST, LONGEST)
                .fault(6, ChaosFault.cut())
                .fault(2, random -> ChaosFault.stall(Direction.BOTH, Duration.ofSeconds(18 + random.nextInt(23))))
                .fault(1, ChaosFault.reset())
                .fault(1, random -> ChaosFault.halfFrame(Direction.SERVER_TO_CLIENT, 1 + random.nextInt(64),
                        FaultKind.CUT))
                .target(target)
                .build();
    }

    private ChaosProxy proxyOn(VirtualTimeScheduler time) {
        ChaosProxy proxy = ChaosProxy.to("127.0.0.1", echo.port()).scheduler(time).start();
        opened.add(proxy);
        opened.add(time::dispose);
        return proxy;
    }

    /** Ten virtual minutes of a schedule on a proxy of its own; the events it recorded. */
    private List<ChaosEvent> tenMinutes(ChaosSchedule schedule, List<ChaosSchedule.Step> applied) {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        ChaosProxy proxy = proxyOn(time);
        ChaosSchedule.Run run = schedule.start(proxy);
        time.advanceTimeBy(Duration.ofMinutes(10));
        run.stop();
        applied.addAll(run.applied());
        return proxy.events();
    }

    @Test
    void theSameSeedAppliesTheSameFaultsAtTheSameIntervals() {
        List<ChaosSchedule.Step> firstSteps = new ArrayList<>();
        List<ChaosSchedule.Step> secondSteps = new ArrayList<>();
        List<ChaosEvent> first = tenMinutes(soakLike(42, ChaosSchedule.Target.EVERY_CONNECTION), firstSteps);
        List<ChaosEvent> second = tenMinutes(soakLike(42, ChaosSchedule.Target.EVERY_CONNECTION), secondSteps);

        assertThat(first).hasSizeGreaterThan(10 * 60 / 8).hasSizeLessThanOrEqualTo(10 * 60 / 2);
        assertThat(first).extracting(ChaosEvent::kind).containsExactlyElementsOf(
                second.stream().map(ChaosEvent::kind).toList());
        assertThat(first).extracting(ChaosEvent::fault).containsExactlyElementsOf(
                second.stream().map(ChaosEvent::fault).toList());
        assertThat(intervals(first)).isEqualTo(intervals(second));
        assertThat(firstSteps).isEqualTo(secondSteps)
                .isEqualTo(soakLike(42, ChaosSchedule.Target.EVERY_CONNECTION).draw(firstSteps.size()));

        // the recorded times are the drawn intervals, each within the bounds
        assertThat(intervals(first)).isEqualTo(firstSteps.stream().map(ChaosSchedule.Step::interval).toList());
        assertThat(intervals(first)).allSatisfy(interval -> assertThat(interval).isBetween(SHORTEST, LONGEST));
        assertThat(first).extracting(ChaosEvent::kind).contains(FaultKind.CUT, FaultKind.STALL);
        assertThat(first).filteredOn(event -> event.kind() == FaultKind.STALL).extracting(ChaosEvent::duration)
                .allSatisfy(stall -> assertThat(stall).isBetween(Duration.ofSeconds(18), Duration.ofSeconds(40)));
    }

    @Test
    void anotherSeedDrawsAnotherSequence() {
        List<ChaosSchedule.Step> one = soakLike(42, ChaosSchedule.Target.EVERY_CONNECTION).draw(50);
        List<ChaosSchedule.Step> other = soakLike(43, ChaosSchedule.Target.EVERY_CONNECTION).draw(50);

        assertThat(one).isNotEqualTo(other);
        assertThat(one).isEqualTo(soakLike(42, ChaosSchedule.Target.ONE_CONNECTION).draw(50));
    }

    /** The time between each event and the one before it (the first from time zero). */
    private static List<Duration> intervals(List<ChaosEvent> events) {
        List<Duration> intervals = new ArrayList<>();
        long previous = 0;
        for (ChaosEvent event : events) {
            long millis = event.time().toEpochMilli();
            intervals.add(Duration.ofMillis(millis - previous));
            previous = millis;
        }
        return intervals;
    }

    @Test
    void aStepHitsAnOpenConnectionAndIsSkippedWhenNoneIsOpen() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        ChaosProxy proxy = proxyOn(time);
        RawClient client = new RawClient(proxy.port());
        opened.add(client);
        client.send("hi".getBytes(StandardCharsets.US_ASCII));
        client.read(2);
        ChaosSchedule.Run run = ChaosSchedule.seeded(3).between(Duration.ofSeconds(1), Duration.ofSeconds(2))
                .fault(1, ChaosFault.cut()).build().start(proxy);

        time.advanceTimeBy(Duration.ofSeconds(2));

        assertThat(client.readUntilEnd()).as("the client sees the cut").isNull();
        assertThat(proxy.events()).singleElement().satisfies(event -> {
            assertThat(event.connectionId()).isEqualTo(1);
            assertThat(event.kind()).isEqualTo(FaultKind.CUT);
        });
        assertThat(run.applied()).hasSize(1);

        time.advanceTimeBy(Duration.ofSeconds(20));
        assertThat(run.skipped()).isGreaterThanOrEqualTo(10);
        assertThat(proxy.events()).hasSize(1);

        run.stop();
        long skipped = run.skipped();
        time.advanceTimeBy(Duration.ofSeconds(20));
        assertThat(run.skipped()).as("a stopped schedule fires no more").isEqualTo(skipped);
        assertThat(run.isDisposed()).isTrue();
    }

    @Test
    void aScheduleThatSparesStallsLeavesAYoungOrArmedStallAloneUntilItsWindowHasPassed() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        ChaosProxy proxy = proxyOn(time);
        RawClient stalled = through(proxy, 1);
        through(proxy, 2); // armed to stall below
        RawClient free = through(proxy, 3);
        proxy.connections().get(0).apply(ChaosFault.stall(Direction.BOTH, Duration.ofSeconds(60)));
        proxy.connections().get(1).apply(ChaosFault.halfFrameThenStall(Direction.SERVER_TO_CLIENT, 1,
                Duration.ofSeconds(60)));
        ChaosSchedule.Run run = ChaosSchedule.seeded(3).firstAfter(Duration.ofSeconds(1))
                .between(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .fault(1, ChaosFault.cut()).spareStalls(Duration.ofSeconds(20)).build().start(proxy);

        time.advanceTimeBy(Duration.ofSeconds(3));

        assertThat(free.readUntilEnd()).as("the only connection not spared is cut").isNull();
        assertThat(cutConnections(proxy)).containsExactly(3L);
        assertThat(run.skipped()).as("the steps at 2 s and 3 s find only spared connections").isEqualTo(2);

        time.advanceTimeBy(Duration.ofSeconds(18));

        assertThat(stalled.readUntilEnd()).as("20 s into its stall, the stalled connection is fair game").isNull();
        assertThat(cutConnections(proxy)).containsExactly(3L, 1L);
        assertThat(proxy.connections()).extracting(ChaosConnection::id).containsExactly(2L);
        run.stop();
    }

    @Test
    void theFirstStepWaitsItsOwnDelayAndTheRestAreDrawn() {
        ChaosSchedule schedule = ChaosSchedule.seeded(9).firstAfter(Duration.ofMillis(1500))
                .between(SHORTEST, LONGEST).fault(1, ChaosFault.cut()).build();

        List<ChaosSchedule.Step> steps = schedule.draw(20);

        assertThat(steps.get(0).interval()).isEqualTo(Duration.ofMillis(1500));
        assertThat(steps.subList(1, 20)).extracting(ChaosSchedule.Step::interval)
                .allSatisfy(interval -> assertThat(interval).isBetween(SHORTEST, LONGEST));
        assertThat(steps).isEqualTo(schedule.draw(20));
    }

    @Test
    void sparingStallsPicksConnectionsOneByOne() {
        ChaosSchedule.Builder everyConnection = ChaosSchedule.seeded(1).between(SHORTEST, LONGEST)
                .fault(1, ChaosFault.cut()).spareStalls(Duration.ofSeconds(20))
                .target(ChaosSchedule.Target.EVERY_CONNECTION);

        org.assertj.core.api.Assertions.assertThatThrownBy(everyConnection::build)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ONE_CONNECTION");
    }

    /** A client whose connection is through to the server, as the proxy's connection {@code id}. */
    private RawClient through(ChaosProxy proxy, long id) {
        RawClient client = new RawClient(proxy.port());
        opened.add(client);
        client.send("hi".getBytes(StandardCharsets.US_ASCII));
        client.read(2);
        assertThat(proxy.connections()).extracting(ChaosConnection::id).contains(id);
        return client;
    }

    private static List<Long> cutConnections(ChaosProxy proxy) {
        return proxy.events().stream().filter(event -> event.kind() == FaultKind.CUT)
                .map(ChaosEvent::connectionId).toList();
    }
}
