package io.exflux.reactive.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.internal.ws.HeartbeatsTest.FakeContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The engine's stall bound, on virtual time against a scripted connection. */
class StallWatchdogTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final FakeContext connection = new FakeContext(time, Handshake.NONE);
    private final AtomicBoolean hasTopics = new AtomicBoolean(true);
    private final AtomicReference<Throwable> died = new AtomicReference<>();
    private Disposable running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.dispose();
        }
        time.dispose();
    }

    private void watch() {
        running = StallWatchdog.probing(connection, LIMIT, hasTopics::get).subscribe(null, died::set);
    }

    @Test
    void aSilentConnectionIsPingedAtHalfTheLimitAndDeclaredStaleExactlyAtTheLimit() {
        watch();
        time.advanceTimeBy(Duration.ofMillis(7499));
        assertThat(connection.pings).isEmpty();
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(connection.pings).hasSize(1);

        time.advanceTimeBy(Duration.ofMillis(7499));
        assertThat(died.get()).isNull();
        assertThat(connection.pings).as("one probe per silence").hasSize(1);
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(died.get()).isInstanceOf(StaleConnectionException.class).hasMessageContaining("15000 ms");
    }

    @Test
    void aQuietConnectionThatAnswersTheProbeLivesOn_andIsProbedAgainAfterTheNextSilence() {
        watch();
        for (int round = 1; round <= 8; round++) {
            time.advanceTimeBy(Duration.ofMillis(7500));
            assertThat(connection.pings).hasSize(round);
            connection.pong();
        }
        time.advanceTimeBy(Duration.ofMillis(7499));
        assertThat(died.get()).isNull();
    }

    @Test
    void flowingDataNeedsNoProbe_andEachFrameRestartsTheBound() {
        watch();
        for (int second = 0; second < 60; second++) {
            time.advanceTimeBy(Duration.ofSeconds(1));
            connection.receive("[\"t\",1]");
        }
        assertThat(connection.pings).isEmpty();
        assertThat(died.get()).isNull();
        time.advanceTimeBy(LIMIT);
        assertThat(died.get()).isInstanceOf(StaleConnectionException.class);
    }

    @Test
    void aSocketWithoutLiveTopicsIsLeftToTheVenuesKeepalive() {
        hasTopics.set(false);
        watch();
        time.advanceTimeBy(Duration.ofMinutes(5));
        assertThat(connection.pings).isEmpty();
        assertThat(died.get()).isNull();

        hasTopics.set(true);
        time.advanceTimeBy(LIMIT);
        assertThat(died.get()).as("silent for minutes, with a topic again").isInstanceOf(StaleConnectionException.class);
    }
}
