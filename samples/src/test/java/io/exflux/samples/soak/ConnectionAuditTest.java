package io.exflux.samples.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.stream.ConnectionEvent;
import io.exflux.testkit.chaos.ChaosEvent;
import io.exflux.testkit.chaos.ChaosFault;
import io.exflux.testkit.chaos.Direction;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which stalls of the websocket proxy count as detected, from the client's disconnects and their causes. */
class ConnectionAuditTest {

    private static final URI WS = URI.create("ws://127.0.0.1:1/ws");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration BOUND = Duration.ofSeconds(15);

    @Test
    void aDropOfTheClientsOwnWhileTheStallLastsDetectsItAndTheDelayIsMeasuredAgainstTheBound() {
        ConnectionAudit audit = new ConnectionAudit();
        audit.onEvent(stale(40_000));    // 30 s into the 35 s stall from 10 s: detected, too late
        audit.onEvent(stale(112_500));   // 12.5 s into the stall from 100 s: detected within the bound

        ConnectionAudit.Stalls stalls = audit.stalls(List.of(
                stall(10, 1, 35),
                stall(100, 1, 30),
                new ChaosEvent(at(200), 3, ChaosFault.halfFrameThenStall(Direction.SERVER_TO_CLIENT, 5,
                        Duration.ofSeconds(20)))), BOUND);

        assertThat(stalls).isEqualTo(new ConnectionAudit.Stalls(3, 2, 1, Duration.ofSeconds(30), 0));
    }

    @Test
    void aCutOfAnotherSocketNeitherEndsAStallNorDetectsIt() {
        // the soak's client has several sockets through the proxy: a cut of socket 2 five seconds into the stall
        // of socket 1 drops socket 2 at once; the watchdog drops socket 1 at 14.9 s
        ConnectionAudit audit = new ConnectionAudit();
        audit.onEvent(closedByServer(15_100));
        audit.onEvent(stale(24_900));

        ConnectionAudit.Stalls stalls = audit.stalls(List.of(stall(10, 1, 30),
                new ChaosEvent(at(15), 2, ChaosFault.cut())), BOUND);

        assertThat(stalls).isEqualTo(new ConnectionAudit.Stalls(1, 1, 1, Duration.ofMillis(14_900), 0));
    }

    @Test
    void aStallCutOrHealedBeforeTheBoundOwesNoDetection_oneThatLastedTheBoundDoes() {
        ConnectionAudit audit = new ConnectionAudit();
        audit.healed(at(58));
        audit.onEvent(new ConnectionEvent.Disconnected(WS, at(15), "reset", new IOException("Connection reset")));

        ConnectionAudit.Stalls stalls = audit.stalls(List.of(
                stall(10, 1, 30), new ChaosEvent(at(15), 1, ChaosFault.reset()),   // reset 5 s in
                stall(50, 2, 30),                                                  // healed 8 s in
                stall(100, 3, 20)), BOUND);                                        // lasted, never seen

        assertThat(stalls).isEqualTo(new ConnectionAudit.Stalls(1, 0, 0, Duration.ZERO, 2));
    }

    @Test
    void aStallAppliedToAConnectionStillStalledJoinsItAndIsDetectedWithIt() {
        // the watchdog drops connection 1 at 25 s; the stall the proxy adds at 20 s joins the first (both end at
        // 40 s): one silence, detected once. A stall at 50 s, after that one ended, is a new one and counts
        ConnectionAudit audit = new ConnectionAudit();
        audit.onEvent(stale(25_000));

        ConnectionAudit.Stalls stalls = audit.stalls(List.of(stall(10, 1, 30), stall(20, 1, 39), stall(50, 1, 20)),
                BOUND);

        assertThat(stalls).isEqualTo(new ConnectionAudit.Stalls(2, 1, 1, Duration.ofSeconds(15), 0));
    }

    @Test
    void oneDropDetectsOneStallOnly() {
        ConnectionAudit audit = new ConnectionAudit();
        audit.onEvent(stale(24_000));

        ConnectionAudit.Stalls stalls = audit.stalls(List.of(stall(10, 1, 30), stall(11, 2, 30)), BOUND);

        assertThat(stalls.total()).isEqualTo(2);
        assertThat(stalls.detected()).isEqualTo(1);
    }

    @Test
    void keepsTheGapsAnnouncedAndCountsDisconnectsByCause() {
        ConnectionAudit audit = new ConnectionAudit();
        ConnectionEvent.Gap gap = new ConnectionEvent.Gap(WS, T0, "trades:BTC_USDT", "5", T0, "9", T0);
        audit.onEvent(new ConnectionEvent.Connected(WS, T0));
        audit.onEvent(gap);
        audit.onEvent(stale(1_000));
        audit.onEvent(closedByServer(2_000));
        audit.onEvent(closedByServer(3_000));

        assertThat(audit.gaps()).containsExactly(gap);
        assertThat(audit.disconnects()).isEqualTo(3);
        assertThat(audit.causes()).isEqualTo(Map.of("-", 2L, "IllegalStateException", 1L));
    }

    private static ChaosEvent stall(long atSecond, long connection, long seconds) {
        return new ChaosEvent(at(atSecond), connection, ChaosFault.stall(Direction.BOTH, Duration.ofSeconds(seconds)));
    }

    /** A drop of the client's own making, as its watchdog reports it. */
    private static ConnectionEvent stale(long atMillis) {
        return new ConnectionEvent.Disconnected(WS, T0.plusMillis(atMillis), "stale",
                new IllegalStateException("no inbound frame for 15000 ms"));
    }

    private static ConnectionEvent closedByServer(long atMillis) {
        return new ConnectionEvent.Disconnected(WS, T0.plusMillis(atMillis), "closed by server", null);
    }

    private static Instant at(long second) {
        return T0.plusSeconds(second);
    }
}
