package io.exflux.samples.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.testkit.chaos.ChaosEvent;
import io.exflux.testkit.chaos.ChaosFault;
import io.exflux.testkit.chaos.ChaosProxy;
import io.exflux.testkit.chaos.ChaosSchedule;
import io.exflux.testkit.chaos.ChaosStall;
import io.exflux.testkit.chaos.Direction;
import io.exflux.testkit.chaos.FaultKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The soak's faults, as drawn from its seeds and as applied to a proxy in virtual time. */
class ChaosPlanTest {

    /** The segment of a ten-minute soak (a quiet check every minute) and of a one-minute soak. */
    private static final Duration TEN_MINUTE_SEGMENT = new SoakSettings(List.of("alp"), Duration.ofMinutes(10), 16,
            true, true).checkEvery();
    private static final Duration ONE_MINUTE_SEGMENT = new SoakSettings(List.of("alp"), Duration.ofMinutes(1), 5,
            true, true).checkEvery();
    private static final Duration BOUND = SoakSettings.STALL_BOUND.plus(SoakSettings.STALL_REPORT_ALLOWANCE);

    @Test
    void everyStallOutlastsTheBoundAndIsSparedLongerThanIt() {
        assertThat(ChaosPlan.SPARED).isGreaterThan(BOUND);
        for (long seed = 0; seed < 20; seed++) {
            for (ChaosSchedule.Step step : ChaosPlan.websocketStalls(seed, 3).draw(50)) {
                ChaosFault fault = step.fault();
                assertThat(fault.kind()).isIn(FaultKind.STALL, FaultKind.HALF_FRAME);
                if (fault instanceof ChaosFault.HalfFrame half) {
                    assertThat(half.then()).isEqualTo(FaultKind.STALL);
                    assertThat(half.direction()).isEqualTo(Direction.SERVER_TO_CLIENT);
                }
                assertThat(fault.duration()).isBetween(ChaosPlan.SPARED, ChaosPlan.STALL_MAX);
            }
        }
    }

    @Test
    void aTenMinuteSoakHoldsAtLeastTwentyStallsThatReachTheBoundBeforeTheirSegmentsQuietCheck() {
        assertThat(TEN_MINUTE_SEGMENT).isEqualTo(Duration.ofMinutes(1));
        for (long seed = 0; seed < 20; seed++) {
            int reaching = 0;
            for (int segment = 0; segment < 10; segment++) {
                reaching += stallsReachingTheBound(ChaosPlan.websocketStalls(seed, segment), TEN_MINUTE_SEGMENT);
            }
            assertThat(reaching).as("seed " + seed).isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void aOneMinuteSoakStillHoldsAStallThatReachesTheBoundInEachSegment() {
        for (int segment = 0; segment < 3; segment++) {
            assertThat(stallsReachingTheBound(ChaosPlan.websocketStalls(5, segment), ONE_MINUTE_SEGMENT))
                    .isEqualTo(1);
        }
    }

    @Test
    void theOtherFaultsStillCutResetDelayAndThrottleButNeverStall() {
        List<ChaosSchedule.Step> steps = ChaosPlan.websocketOthers(16, 0).draw(200);

        assertThat(steps).extracting(step -> step.fault().kind()).contains(FaultKind.CUT, FaultKind.RESET,
                FaultKind.HALF_FRAME, FaultKind.LATENCY, FaultKind.BANDWIDTH).doesNotContain(FaultKind.STALL);
        assertThat(steps).extracting(ChaosSchedule.Step::fault).filteredOn(ChaosFault.HalfFrame.class::isInstance)
                .allSatisfy(half -> assertThat(((ChaosFault.HalfFrame) half).then()).isEqualTo(FaultKind.CUT));
        assertThat(ChaosPlan.websocket(16, 0)).hasSize(2);
    }

    @Test
    void theSameSeedAndSegmentDrawTheSameSteps_anotherSegmentOthers() {
        assertThat(ChaosPlan.websocketStalls(16, 4).draw(20)).isEqualTo(ChaosPlan.websocketStalls(16, 4).draw(20))
                .isNotEqualTo(ChaosPlan.websocketStalls(16, 5).draw(20));
        assertThat(ChaosPlan.websocketOthers(16, 4).draw(20)).isEqualTo(ChaosPlan.websocketOthers(16, 4).draw(20))
                .isNotEqualTo(ChaosPlan.websocketOthers(16, 5).draw(20));
        assertThat(ChaosPlan.rest(16, 4).draw(20)).isEqualTo(ChaosPlan.rest(16, 4).draw(20));
    }

    /**
     * A minute of the websocket plan on a proxy in virtual time, six idle connections through it: the cuts go on
     * around the stalls, and no stall is ended by another fault before it was spared its window.
     */
    @Test
    void appliedToAProxyNoOtherFaultEndsAStallBeforeItsWindow() throws IOException {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        DisposableServer echo = TcpServer.create().host("127.0.0.1").port(0)
                .handle((in, out) -> out.send(in.receive().retain())).bindNow();
        List<Socket> sockets = new ArrayList<>();
        try (ChaosProxy proxy = ChaosProxy.to("127.0.0.1", echo.port()).scheduler(time).start()) {
            for (int i = 0; i < 6; i++) {
                sockets.add(throughTo(proxy));
            }
            List<ChaosSchedule.Run> runs = ChaosPlan.websocket(16, 0).stream().map(plan -> plan.start(proxy)).toList();

            time.advanceTimeBy(TEN_MINUTE_SEGMENT);
            runs.forEach(ChaosSchedule.Run::stop);
            Instant end = Instant.ofEpochMilli(time.now(java.util.concurrent.TimeUnit.MILLISECONDS));

            List<ChaosStall> stalls = proxy.stalls().stream()
                    .filter(stall -> stall.way() == Direction.SERVER_TO_CLIENT).toList();
            // each stall lasted its window, or as long as the run had left when it started
            assertThat(stalls).isNotEmpty().allSatisfy(stall -> assertThat(stall.lasted(end))
                    .isGreaterThanOrEqualTo(shorter(ChaosPlan.SPARED, Duration.between(stall.start(), end))));
            Set<Long> stalled = stalls.stream().map(ChaosStall::connectionId).collect(Collectors.toSet());
            assertThat(proxy.events()).filteredOn(event -> event.kind() == FaultKind.CUT
                            || event.kind() == FaultKind.RESET).extracting(ChaosEvent::connectionId)
                    .as("cuts and resets go on, on the connections not stalled too").isNotEmpty()
                    .anySatisfy(id -> assertThat(stalled).doesNotContain(id));
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
            echo.disposeNow();
            time.dispose();
        }
    }

    /** Stalls of a segment that start early enough to reach the bound before the segment's quiet check heals them. */
    private static int stallsReachingTheBound(ChaosSchedule stalls, Duration segment) {
        int reaching = 0;
        Duration at = Duration.ZERO;
        for (ChaosSchedule.Step step : stalls.draw(10)) {
            at = at.plus(step.interval());
            if (at.plus(BOUND).compareTo(segment) <= 0) {
                reaching++;
            }
        }
        return reaching;
    }

    private static Duration shorter(Duration one, Duration other) {
        return one.compareTo(other) <= 0 ? one : other;
    }

    /** A connection through the proxy to the echo server, with one round trip done. */
    private static Socket throughTo(ChaosProxy proxy) throws IOException {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write("hi".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(socket.getInputStream().readNBytes(2)).isEqualTo("hi".getBytes(StandardCharsets.US_ASCII));
        return socket;
    }
}
