package io.exflux.reactive.internal.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ProtocolException;
import io.exflux.reactive.internal.ws.FrameSink;
import io.exflux.reactive.internal.ws.Handshake;
import io.exflux.reactive.internal.ws.HandshakeSession;
import io.exflux.reactive.internal.ws.HeartbeatContext;
import io.exflux.reactive.internal.ws.StaleConnectionException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The dialect's handshake, heartbeat (virtual time), decoding and routing, without a socket. */
class EngineIoDialectTest {

    private static final URI URI_ = URI.create("ws://127.0.0.1:1/socket.io/?EIO=4&transport=websocket");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final EngineIoDialect V3 = new EngineIoDialect(EngineIoOptions.defaults());
    private static final EngineIoDialect V4 = new EngineIoDialect(EngineIoOptions.builder().version(EngineIoVersion.V4).build());

    // ------------------------------------------------------------------ handshake

    @Test
    void engineIo3HandshakeWaitsForTheUnsolicitedConnectAndSendsNothing() {
        FakeHandshake socket = new FakeHandshake(
                "0{\"sid\":\"a\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":5000}", "40");

        StepVerifier.create(V3.handshake(socket))
                .expectNext(new Handshake(Duration.ofSeconds(25), Duration.ofSeconds(5)))
                .verifyComplete();
        assertThat(socket.sent).isEmpty();
        assertThat(socket.inbound).isEmpty();
    }

    @Test
    void engineIo4HandshakeSendsConnectAndAnswersAPingThatArrivesMeanwhile() {
        FakeHandshake socket = new FakeHandshake(
                "0{\"sid\":\"a\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}",
                "2", "40{\"sid\":\"b\"}");

        StepVerifier.create(V4.handshake(socket))
                .expectNext(new Handshake(Duration.ofSeconds(25), Duration.ofSeconds(20)))
                .verifyComplete();
        assertThat(socket.sent).containsExactly("40", "3");
    }

    @Test
    void bareEngineIoHandshakeEndsWithTheOpenPacket() {
        EngineIoDialect bare = new EngineIoDialect(EngineIoOptions.builder().framing(Framing.ENGINE_IO).build());
        FakeHandshake socket = new FakeHandshake("0{\"sid\":\"a\",\"pingInterval\":300,\"pingTimeout\":200}", "4{\"late\":1}");

        StepVerifier.create(bare.handshake(socket))
                .expectNext(new Handshake(Duration.ofMillis(300), Duration.ofMillis(200)))
                .verifyComplete();
        assertThat(socket.inbound).as("the first message is left for decoding").containsExactly("4{\"late\":1}");
    }

    @Test
    void eventsBeforeTheNamespaceIsJoinedAreHandedBackInOrder_notDropped() {
        String event = "42[\"trade\",{\"p\":\"1.5\"}]";
        String broken = "42[\"trade\",";
        FakeHandshake socket = new FakeHandshake(
                "0{\"sid\":\"a\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000}",
                event, "2", broken, "40{\"sid\":\"b\"}");

        StepVerifier.create(V4.handshake(socket))
                .expectNext(new Handshake(Duration.ofSeconds(25), Duration.ofSeconds(20)))
                .verifyComplete();
        assertThat(socket.handedBack).as("the engine decodes them once live: the event is delivered, the broken "
                + "frame counted as malformed").containsExactly(event, broken);
        assertThat(socket.sent).containsExactly("40", "3");
        assertThat(decode(V4, event)).singleElement().isInstanceOfSatisfying(SessionSignal.Event.class,
                e -> assertThat(e.name()).isEqualTo("trade"));
    }

    @Test
    void refusedNamespaceFailsTheHandshakeWithTheServersReason() {
        FakeHandshake socket = new FakeHandshake(
                "0{\"sid\":\"a\",\"pingInterval\":25000,\"pingTimeout\":20000}", "44{\"message\":\"not authorized\"}");

        StepVerifier.create(V4.handshake(socket))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ExchangeException.class)
                        .hasMessageContaining("not authorized"))
                .verify(TIMEOUT);
    }

    @Test
    void aFirstFrameThatIsNoOpenPacketFailsTheHandshake() {
        StepVerifier.create(V4.handshake(new FakeHandshake("hello")))
                .expectError(ProtocolException.class)
                .verify(TIMEOUT);
        StepVerifier.create(V4.handshake(new FakeHandshake("0{\"sid\":1}")))
                .expectError(ProtocolException.class)
                .verify(TIMEOUT);
    }

    // ------------------------------------------------------------------ heartbeat

    @Test
    void engineIo3ClientPingsEveryIntervalAndDiesWithoutAPong() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        FakeHeartbeat context = new FakeHeartbeat(time, new Handshake(Duration.ofMillis(300), Duration.ofMillis(200)));

        StepVerifier.withVirtualTime(() -> V3.heartbeat().run(context), () -> time, Long.MAX_VALUE)
                .expectSubscription()
                .then(() -> assertThat(context.sent).isEmpty())
                .thenAwait(Duration.ofMillis(300))
                .then(() -> assertThat(context.sent).containsExactly("2"))
                .then(() -> context.receive("3"))
                .thenAwait(Duration.ofMillis(300))
                .then(() -> assertThat(context.sent).containsExactly("2", "2"))
                .then(() -> context.receive("3"))
                .thenAwait(Duration.ofMillis(300))
                .then(() -> assertThat(context.sent).containsExactly("2", "2", "2"))
                .thenAwait(Duration.ofMillis(200))
                .expectError(StaleConnectionException.class)
                .verify(TIMEOUT);
        assertThat(V3.heartbeat().isHeartbeatFrame("3")).isTrue();
        assertThat(V3.heartbeat().isHeartbeatFrame("42[\"x\"]")).isFalse();
    }

    @Test
    void engineIo4ClientAnswersServerPingsNeverPingsAndDiesAfterIntervalPlusTimeoutOfSilence() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        FakeHeartbeat context = new FakeHeartbeat(time, new Handshake(Duration.ofMillis(300), Duration.ofMillis(200)));

        StepVerifier.withVirtualTime(() -> V4.heartbeat().run(context), () -> time, Long.MAX_VALUE)
                .expectSubscription()
                .thenAwait(Duration.ofMillis(300))
                .then(() -> context.receive("2"))
                .then(() -> assertThat(context.sent).containsExactly("3"))
                .thenAwait(Duration.ofMillis(300))
                .then(() -> context.receive("2"))
                .then(() -> assertThat(context.sent).containsExactly("3", "3"))
                .thenAwait(Duration.ofMillis(499))
                .then(() -> assertThat(context.sent).as("never a client ping").doesNotContain("2"))
                .thenAwait(Duration.ofMillis(1))
                .expectError(StaleConnectionException.class)
                .verify(TIMEOUT);
        assertThat(V4.heartbeat().isHeartbeatFrame("2")).isTrue();
    }

    @Test
    void aServerThatEndsTheSessionWithoutClosingTheSocketMakesTheEngineReconnect() {
        for (String end : List.of("1", "41")) {
            VirtualTimeScheduler time = VirtualTimeScheduler.create();
            FakeHeartbeat context = new FakeHeartbeat(time, new Handshake(Duration.ofSeconds(25), Duration.ofSeconds(20)));

            StepVerifier.withVirtualTime(() -> V4.heartbeat().run(context), () -> time, Long.MAX_VALUE)
                    .expectSubscription()
                    .then(() -> context.receive("41/other,"))
                    .then(() -> context.receive("42[\"a\",1]"))
                    .expectNoEvent(Duration.ofSeconds(1))
                    .then(() -> context.receive(end))
                    .expectError(StaleConnectionException.class)
                    .verify(TIMEOUT);
        }
    }

    // ------------------------------------------------------------------ frames and routing

    @Test
    void decodesEventsAndRoutesThemToTheirChannel() {
        List<SessionSignal> out = decode(V4, "42[\"depth\",{\"pair\":\"ETH_BTC\"}]");

        assertThat(out).singleElement().isInstanceOf(SessionSignal.Event.class);
        assertThat(V4.route(out.get(0), Set.of("book_BTC_USD", "book_ETH_BTC"))).isEqualTo("book_ETH_BTC");
        assertThat(V4.route(decode(V4, "42[\"book_BTC_USD\",{}]").get(0), Set.of("book_BTC_USD", "book_ETH_BTC")))
                .isEqualTo("book_BTC_USD");
    }

    @Test
    void acksAndSessionEndsAreControlMessages() {
        SessionSignal ack = decode(V4, "431[\"ok\"]").get(0);
        SessionSignal end = decode(V4, "41").get(0);

        assertThat(V4.route(ack, Set.of("book_BTC_USD"))).isNull();
        assertThat(end).isInstanceOf(SessionSignal.Closed.class);
        assertThat(V4.route(end, Set.of("book_BTC_USD"))).isNull();
    }

    @Test
    void malformedFramesGoToTheSinksMalformedChannel() {
        List<String> reasons = new ArrayList<>();
        List<SessionSignal> messages = new ArrayList<>();
        FrameSink<SessionSignal> sink = new FrameSink<>() {
            @Override
            public void next(SessionSignal message) {
                messages.add(message);
            }

            @Override
            public void malformed(String reason, Throwable cause) {
                reasons.add(reason);
                assertThat(cause).isInstanceOf(ProtocolException.class);
            }
        };

        V4.decode("42{\"x\":1}", sink);
        V4.decode("9", sink);
        V4.decode("451-[\"bin\",{\"_placeholder\":true,\"num\":0}]", sink);

        assertThat(messages).isEmpty();
        assertThat(reasons).hasSize(3).anySatisfy(reason -> assertThat(reason).contains("binary"));
    }

    @Test
    void subscribesOneEmitPerTopicWithTheVenuesEventAndShape() {
        EngineIoDialect custom = new EngineIoDialect(EngineIoOptions.builder()
                .subscribeEvent("sub").unsubscribeEvent("unsub").subscribeArguments(SubscribeArguments.objectWith("channel")).build());

        assertThat(V3.subscribeFrames(List.of("book_BTC_USD", "book_ETH_BTC")))
                .containsExactly("42[\"subscribe\",\"book_BTC_USD\"]", "42[\"subscribe\",\"book_ETH_BTC\"]");
        assertThat(V3.unsubscribeFrames(List.of("book_BTC_USD"))).containsExactly("42[\"unsubscribe\",\"book_BTC_USD\"]");
        assertThat(custom.subscribeFrames(List.of("ticker"))).containsExactly("42[\"sub\",{\"channel\":\"ticker\"}]");
        assertThat(custom.unsubscribeFrames(List.of("ticker"))).containsExactly("42[\"unsub\",{\"channel\":\"ticker\"}]");
    }

    private static List<SessionSignal> decode(EngineIoDialect dialect, String frame) {
        List<SessionSignal> out = new ArrayList<>();
        dialect.decode(frame, new FrameSink<>() {
            @Override
            public void next(SessionSignal message) {
                out.add(message);
            }

            @Override
            public void malformed(String reason, Throwable cause) {
                throw new AssertionError("unexpected malformed frame: " + reason, cause);
            }
        });
        return out;
    }

    /** A socket whose inbound frames are scripted. */
    private static final class FakeHandshake implements HandshakeSession {
        final Queue<String> inbound;
        final List<String> sent = new ArrayList<>();
        final List<String> handedBack = new ArrayList<>();

        FakeHandshake(String... frames) {
            this.inbound = new ArrayDeque<>(List.of(frames));
        }

        @Override
        public URI uri() {
            return URI_;
        }

        @Override
        public Mono<String> receive() {
            return Mono.defer(() -> inbound.isEmpty()
                    ? Mono.error(new IllegalStateException("socket closed")) : Mono.just(inbound.poll()));
        }

        @Override
        public Mono<Void> send(String frame) {
            return Mono.fromRunnable(() -> sent.add(frame));
        }

        @Override
        public void handBack(String frame) {
            handedBack.add(frame);
        }
    }

    /** A connection's heartbeat view whose inbound frames the test pushes. */
    private static final class FakeHeartbeat implements HeartbeatContext {
        final List<String> sent = new CopyOnWriteArrayList<>();
        private final Sinks.Many<String> text = Sinks.many().multicast().directBestEffort();
        private final Sinks.Many<Object> activity = Sinks.many().multicast().directBestEffort();
        private final Scheduler scheduler;
        private final Handshake handshake;

        FakeHeartbeat(Scheduler scheduler, Handshake handshake) {
            this.scheduler = scheduler;
            this.handshake = handshake;
        }

        void receive(String frame) {
            activity.tryEmitNext(frame);
            text.tryEmitNext(frame);
        }

        @Override
        public URI uri() {
            return URI_;
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
            return Mono.error(new AssertionError("engine.io never sends websocket pings"));
        }
    }
}
