package io.exflux.reactive.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Every built-in heartbeat strategy, on virtual time against a scripted connection. */
class HeartbeatsTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final FakeContext connection = new FakeContext(time, Handshake.NONE);
    private final AtomicReference<Throwable> died = new AtomicReference<>();
    private Disposable running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.dispose();
        }
        time.dispose();
    }

    private void run(HeartbeatStrategy strategy, FakeContext context) {
        running = strategy.run(context).subscribe(null, died::set);
    }

    @Test
    void clientTextPing_sendsEveryIntervalAndDiesExactlyWhenAPongIsLate() {
        run(Heartbeats.clientTextPing("ping", "pong", Duration.ofSeconds(15), Duration.ofSeconds(10)), connection);

        time.advanceTimeBy(Duration.ofSeconds(15));
        assertThat(connection.sent).containsExactly("ping");
        connection.receive("pong");
        time.advanceTimeBy(Duration.ofSeconds(15));
        assertThat(connection.sent).containsExactly("ping", "ping");

        time.advanceTimeBy(Duration.ofSeconds(10).minusMillis(1));
        assertThat(died.get()).isNull();
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(died.get()).isInstanceOf(StaleConnectionException.class).hasMessageContaining("pong");
    }

    @Test
    void clientTextPing_pongIsAHeartbeatFrameNotAMessage() {
        HeartbeatStrategy btse = Heartbeats.clientTextPing("ping", "pong", Duration.ofSeconds(15), Duration.ofSeconds(10));
        assertThat(btse.isHeartbeatFrame("pong")).isTrue();
        assertThat(btse.isHeartbeatFrame("{\"topic\":\"pong\"}")).isFalse();
    }

    @Test
    void clientTextPing_usesTheIntervalTheHandshakeNegotiated() {
        FakeContext engineIoV3 = new FakeContext(time, new Handshake(Duration.ofSeconds(25), Duration.ofSeconds(5)));
        run(Heartbeats.clientTextPing("2", "3", Duration.ofSeconds(99), Duration.ofSeconds(99)), engineIoV3);
        time.advanceTimeBy(Duration.ofSeconds(25));
        assertThat(engineIoV3.sent).containsExactly("2");
        time.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(died.get()).isInstanceOf(StaleConnectionException.class);
    }

    @Test
    void answerText_answersOnlyWhenAsked_neverUnprompted() {
        HeartbeatStrategy alp = Heartbeats.answerText("1", "2");
        run(alp, connection);
        time.advanceTimeBy(Duration.ofMinutes(5));
        assertThat(connection.sent).isEmpty();
        connection.receive("1");
        connection.receive("[\"t\",1]");
        connection.receive("1");
        assertThat(connection.sent).containsExactly("2", "2");
        assertThat(alp.isHeartbeatFrame("1")).isTrue();
        assertThat(alp.isHeartbeatFrame("[\"t\",1]")).isFalse();
        assertThat(died.get()).isNull();
    }

    @Test
    void idle_diesExactlyAfterIntervalPlusTimeoutWithoutAnyFrame_andEachFrameRestartsTheWait() {
        FakeContext alp = new FakeContext(time, new Handshake(Duration.ofSeconds(20), Duration.ofSeconds(30)));
        run(Heartbeats.idle(Duration.ofSeconds(999)), alp);

        time.advanceTimeBy(Duration.ofSeconds(40));
        alp.pong();
        time.advanceTimeBy(Duration.ofSeconds(49));
        assertThat(died.get()).isNull();
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(died.get()).isInstanceOf(StaleConnectionException.class);
    }

    @Test
    void idle_fallsBackToItsOwnLimitWhenTheHandshakeSaidNothing() {
        run(Heartbeats.idle(Duration.ofSeconds(60)), connection);
        time.advanceTimeBy(Duration.ofSeconds(59));
        assertThat(died.get()).isNull();
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(died.get()).isInstanceOf(StaleConnectionException.class);
    }

    @Test
    void webSocketPing_diesWhenNothingAnswersThePing() {
        run(Heartbeats.webSocketPing(Duration.ofSeconds(10), Duration.ofSeconds(5)), connection);
        time.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(connection.pings).hasSize(1);
        connection.pong();
        time.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(connection.pings).hasSize(2);
        time.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(died.get()).isInstanceOf(StaleConnectionException.class);
    }

    @Test
    void and_combinesFrameOwnershipAndDeath() {
        HeartbeatStrategy engineIoV4 = Heartbeats.answerText("2", "3").and(Heartbeats.idle(Duration.ofSeconds(45)));
        run(engineIoV4, connection);
        connection.receive("2");
        assertThat(connection.sent).containsExactly("3");
        assertThat(engineIoV4.isHeartbeatFrame("2")).isTrue();
        time.advanceTimeBy(Duration.ofSeconds(45));
        assertThat(died.get()).isInstanceOf(StaleConnectionException.class);
    }

    @Test
    void none_neverDies() {
        run(Heartbeats.none(), connection);
        time.advanceTimeBy(Duration.ofDays(1));
        assertThat(died.get()).isNull();
        assertThat(connection.sent).isEmpty();
    }

    /** A connection whose inbound the test scripts; sent frames are recorded. */
    static final class FakeContext implements HeartbeatContext {
        private final Scheduler scheduler;
        private final Handshake handshake;
        private final Sinks.Many<String> text = Sinks.many().multicast().directBestEffort();
        private final Sinks.Many<Object> activity = Sinks.many().multicast().directBestEffort();
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<Object> pings = new CopyOnWriteArrayList<>();

        FakeContext(Scheduler scheduler, Handshake handshake) {
            this.scheduler = scheduler;
            this.handshake = handshake;
        }

        void receive(String frame) {
            activity.tryEmitNext(frame);
            text.tryEmitNext(frame);
        }

        void pong() {
            activity.tryEmitNext("pong");
        }

        @Override
        public URI uri() {
            return URI.create("ws://127.0.0.1:1/ws");
        }

        @Override
        public Handshake handshake() {
            return handshake;
        }

        @Override
        public Scheduler scheduler() {
            return scheduler;
        }

        @Override
        public Flux<String> textFrames() {
            return text.asFlux();
        }

        @Override
        public Flux<Object> activity() {
            return activity.asFlux();
        }

        @Override
        public Mono<Void> sendText(String frame) {
            return Mono.fromRunnable(() -> sent.add(frame));
        }

        @Override
        public Mono<Void> sendPing() {
            return Mono.fromRunnable(() -> pings.add("ping"));
        }
    }
}
