package io.exflux.samples.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.stream.ConnectionEvent;
import io.exflux.testkit.chaos.ChaosFault;
import io.exflux.testkit.chaos.ChaosStall;
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
        audit.onEvent(stale(40_000));    // 30 s into the stall from 10 s: detected, too late
        audit.onEvent(stale(112_500));   // 12.5 s into the stall from 100 s: detected within the bound

        ConnectionAudit.Stalls stalls = audit.stalls(List.of(
                stall(10, 1, 40), stall(100, 2, 112.6),
                // a half-frame armed at 190 s whose stall started at 200 s, when its bytes had gone: 20 s unseen
                new ChaosStall(3, Direction.SERVER_TO_CLIENT, at(200), at(220),
                        ChaosFault.halfFrameThenStall(Direction.SERVER_TO_CLIENT, 5, Duration.ofSeconds(20)))), BOUND);

        assertThat(stalls).isEqualTo(new ConnectionAudit.Stalls(3, 2, 1, Duration.ofSeconds(30), 0));
    }

    @Test
    void theDropThatClosedTheStalledConnectionDetectsItThoughTheProxySawTheCloseFirst() {
        ConnectionAudit audit = new ConnectionAudit();
        audit.onEvent(stale(24_950));    // reported 0.05 s after the proxy saw connection 1 close

        ConnectionAudit.Stalls stalls = audit.stalls(List.of(stall(10, 1, 24.9)), BOUND);

        assertThat(stalls).isEqualTo(new ConnectionAudit.Stalls(1, 1, 1, Duration.ofMillis(14_950), 0));
    }

    @Test
    void aDropOfAnotherCauseNeitherEndsAStallNorDetectsIt() {
        // the soak's client has several sockets through the proxy: a cut of socket 2 five seconds into the stall
        // of socket 1 drops socket 2 at once; the watchdog drops socket 1 at 14.9 s
        ConnectionAudit audit = new ConnectionAudit();
        audit.onEvent(closedByServer(15_100));
        audit.onEvent(stale(24_900));

        ConnectionAudit.Stalls stalls = audit.stalls(List.of(stall(10, 1, 24.9)), BOUND);

        assertThat(stalls).isEqualTo(new ConnectionAudit.Stalls(1, 1, 1, Duration.ofMillis(14_900), 0));
    }

    @Test
    void aStallEndedBeforeTheBoundOwesNoDetection_oneThatLastedTheBoundDoes_andTheClientsWayIsNotWatched() {
        ConnectionAudit audit = new ConnectionAudit();
        audit.onEvent(new ConnectionEvent.Disconnected(WS, at(15), "reset", new IOException("Connection reset")));

        ConnectionAudit.Stalls stalls = audit.stalls(List.of(
                stall(10, 1, 15),                                                  // reset 5 s in
                stall(50, 2, 58),                                                  // healed 8 s in
                stall(100, 3, 120),                                                // lasted, never seen
                new ChaosStall(4, Direction.SERVER_TO_CLIENT, at(130), null, ChaosFault.stall(Direction.BOTH)),
                new ChaosStall(5, Direction.CLIENT_TO_SERVER, at(140), at(170), ChaosFault.stall(Direction.BOTH))),
                BOUND);

        assertThat(stalls).isEqualTo(new ConnectionAudit.Stalls(2, 0, 0, Duration.ZERO, 2));
    }

    @Test
    void oneDropDetectsOneStallOnly() {
        ConnectionAudit audit = new ConnectionAudit();
        audit.onEvent(stale(24_000));

        ConnectionAudit.Stalls stalls = audit.stalls(List.of(stall(10, 1, 40), stall(11, 2, 41)), BOUND);

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

    /** What the server sent connection {@code connection} stopped at {@code from} and flowed again at {@code to}. */
    private static ChaosStall stall(long from, long connection, double to) {
        return new ChaosStall(connection, Direction.SERVER_TO_CLIENT, at(from), T0.plusMillis(Math.round(to * 1000)),
                ChaosFault.stall(Direction.BOTH, Duration.ofSeconds(30)));
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
