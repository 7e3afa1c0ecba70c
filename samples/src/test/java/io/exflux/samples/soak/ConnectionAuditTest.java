package io.exflux.samples.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.stream.ConnectionEvent;
import io.exflux.testkit.chaos.ChaosEvent;
import io.exflux.testkit.chaos.ChaosFault;
import io.exflux.testkit.chaos.Direction;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which stalls of the websocket proxy count as detected, from the client's disconnects. */
class ConnectionAuditTest {

    private static final URI WS = URI.create("ws://127.0.0.1:1/ws");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration BOUND = Duration.ofSeconds(15);

    @Test
    void aDisconnectWhileTheStallLastsDetectsItAndTheDelayIsMeasuredAgainstTheBound() {
        ConnectionAudit audit = new ConnectionAudit();
        audit.onEvent(disconnected(40));    // 30 s into the 35 s stall from 10 s: detected, too late
        audit.onEvent(disconnected(112));   // 12 s into the stall from 100 s: detected within the bound

        ConnectionAudit.Stalls stalls = audit.stalls(List.of(
                stall(10, 35),
                stall(100, 30),
                new ChaosEvent(at(200), 3, ChaosFault.halfFrameThenStall(Direction.SERVER_TO_CLIENT, 5,
                        Duration.ofSeconds(20)))), BOUND);

        assertThat(stalls.total()).isEqualTo(3);
        assertThat(stalls.detected()).isEqualTo(2);
        assertThat(stalls.withinBound()).isEqualTo(1);
        assertThat(stalls.slowest()).isEqualTo(Duration.ofSeconds(30));
        assertThat(audit.disconnects()).isEqualTo(2);
    }

    @Test
    void aDisconnectAfterACutOrAHealIsNotADetectedStall() {
        ConnectionAudit audit = new ConnectionAudit();
        audit.healed(at(15));
        audit.onEvent(disconnected(16));
        audit.onEvent(disconnected(56));

        ConnectionAudit.Stalls stalls = audit.stalls(List.of(
                stall(10, 30),
                stall(50, 30),
                new ChaosEvent(at(55), 2, ChaosFault.cut())), BOUND);

        assertThat(stalls.detected()).isZero();
        assertThat(stalls.total()).isEqualTo(2);
    }

    @Test
    void gapsAreCountedOnlyWhenTheConnectorAnnouncesThem() {
        ConnectionAudit audit = new ConnectionAudit();
        audit.onEvent(new ConnectionEvent.Connected(WS, T0));
        audit.onEvent(new ConnectionEvent.Reconnecting(WS, T0, 1, Duration.ofSeconds(1)));

        assertThat(audit.gapsAnnounced()).isZero();
        assertThat(audit.disconnects()).isZero();
    }

    private static ChaosEvent stall(long atSecond, long seconds) {
        return new ChaosEvent(at(atSecond), 1, ChaosFault.stall(Direction.BOTH, Duration.ofSeconds(seconds)));
    }

    private static ConnectionEvent disconnected(long atSecond) {
        return new ConnectionEvent.Disconnected(WS, at(atSecond), "stale", null);
    }

    private static Instant at(long second) {
        return T0.plusSeconds(second);
    }
}
