package io.exflux.reactive.internal.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ProtocolException;
import io.exflux.reactive.internal.ws.RecordingFrameSink;
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

    /** The v1 platform's routing, as its venue package will give it: {@code pair} key, {@code book_} channels. */
    static final ChannelRouter ROUTER = ChannelRouter.byNameThenKeyThenOnlyPrefix("pair", "book_");
    /** Keeps every signal as it is, so these tests see what the dialect read. */
    static final EventCodec<SessionSignal> SIGNALS = new EventCodec<>() {
        @Override
        public SessionSignal decode(SessionSignal.Event event) {
            return event;
        }

        @Override
        public SessionSignal control(SessionSignal signal) {
            return signal;
        }
    };

    private static final EngineIoDialect<SessionSignal> V3 = dialect(EngineIoOptions.defaults());
    private static final EngineIoDialect<SessionSignal> V4 = dialect(EngineIoOptions.builder().version(EngineIoVersion.V4).build());

    static EngineIoDialect<SessionSignal> dialect(EngineIoOptions options) {
        return new EngineIoDialect<>(options, ROUTER, SIGNALS);
    }

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
        EngineIoDialect<SessionSignal> bare = dialect(EngineIoOptions.builder().framing(Framing.ENGINE_IO).build());
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
        Set<String> live = Set.of("book_BTC_USD", "book_ETH_BTC");
        RecordingFrameSink<SessionSignal> byPair = routed(V4, "42[\"depth\",{\"pair\":\"ETH_BTC\"}]", live);
        RecordingFrameSink<SessionSignal> byName = routed(V4, "42[\"book_BTC_USD\",{}]", live);

        assertThat(byPair.delivered).singleElement().satisfies(d -> {
            assertThat(d.topic()).isEqualTo("book_ETH_BTC");
            assertThat(d.message()).isInstanceOf(SessionSignal.Event.class);
        });
        assertThat(byName.delivered).extracting(RecordingFrameSink.Delivery::topic).containsExactly("book_BTC_USD");
    }

    @Test
    void theVenuesCodecDecodesEachEventOnceIntoItsRecord_andAnUnreadablePayloadIsMalformed() {
        List<SessionSignal.Event> decoded = new ArrayList<>();
        EngineIoDialect<String> prices = new EngineIoDialect<>(EngineIoOptions.builder().version(EngineIoVersion.V4).build(),
                ROUTER, event -> {
                    decoded.add(event);
                    if (event.name().equals("skip")) {
                        return null;
                    }
                    return event.arguments().get(0).get("pair").asText() + "@" + event.arguments().get(0).get("p").asText();
                });
        RecordingFrameSink<String> sink = new RecordingFrameSink<>(Set.of("book_BTC_USD", "book_ETH_BTC"));

        prices.decode("42[\"depth\",{\"pair\":\"ETH_BTC\",\"p\":\"0.05\"}]", sink);
        prices.decode("42[\"skip\",{}]", sink);
        prices.decode("42[\"depth\",{\"p\":\"1\"}]", sink);
        prices.decode("431[\"ok\"]", sink);

        assertThat(sink.delivered).containsExactly(new RecordingFrameSink.Delivery<>("book_ETH_BTC", "ETH_BTC@0.05"));
        assertThat(decoded).as("each event decoded once").hasSize(3);
        assertThat(sink.malformed).as("no pair to read").singleElement().asString().contains("depth");
        assertThat(sink.control).as("an ack has no record unless the codec gives one").isEmpty();
    }

    @Test
    void acksAndSessionEndsAreControlMessages() {
        RecordingFrameSink<SessionSignal> ack = routed(V4, "431[\"ok\"]", Set.of("book_BTC_USD"));
        RecordingFrameSink<SessionSignal> end = routed(V4, "41", Set.of("book_BTC_USD"));

        assertThat(ack.delivered).isEmpty();
        assertThat(ack.control).singleElement().isInstanceOf(SessionSignal.AckReceived.class);
        assertThat(end.delivered).isEmpty();
        assertThat(end.control).singleElement().isInstanceOf(SessionSignal.Closed.class);
    }

    @Test
    void malformedFramesGoToTheSinksMalformedChannel() {
        RecordingFrameSink<SessionSignal> sink = new RecordingFrameSink<>(Set.of("book_BTC_USD"));

        V4.decode("42{\"x\":1}", sink);
        V4.decode("9", sink);
        V4.decode("451-[\"bin\",{\"_placeholder\":true,\"num\":0}]", sink);

        assertThat(sink.delivered).isEmpty();
        assertThat(sink.control).isEmpty();
        assertThat(sink.malformed).hasSize(3).anySatisfy(reason -> assertThat(reason).contains("binary"));
        assertThat(sink.malformedCauses).allSatisfy(cause -> assertThat(cause).isInstanceOf(ProtocolException.class));
    }

    @Test
    void subscribesOneEmitPerTopicWithTheVenuesEventAndShape() {
        EngineIoDialect<SessionSignal> custom = dialect(EngineIoOptions.builder()
                .subscribeEvent("sub").unsubscribeEvent("unsub").subscribeArguments(SubscribeArguments.objectWith("channel")).build());

        assertThat(V3.subscribeFrames(List.of("book_BTC_USD", "book_ETH_BTC")))
                .containsExactly("42[\"subscribe\",\"book_BTC_USD\"]", "42[\"subscribe\",\"book_ETH_BTC\"]");
        assertThat(V3.unsubscribeFrames(List.of("book_BTC_USD"))).containsExactly("42[\"unsubscribe\",\"book_BTC_USD\"]");
        assertThat(custom.subscribeFrames(List.of("ticker"))).containsExactly("42[\"sub\",{\"channel\":\"ticker\"}]");
        assertThat(custom.unsubscribeFrames(List.of("ticker"))).containsExactly("42[\"unsub\",{\"channel\":\"ticker\"}]");
    }

    private static List<SessionSignal> decode(EngineIoDialect<SessionSignal> dialect, String frame) {
        RecordingFrameSink<SessionSignal> sink = routed(dialect, frame, Set.of());
        assertThat(sink.malformed).as("unexpected malformed frame").isEmpty();
        List<SessionSignal> out = new ArrayList<>(sink.messages());
        out.addAll(sink.control);
        return out;
    }

    private static <M> RecordingFrameSink<M> routed(EngineIoDialect<M> dialect, String frame, Set<String> live) {
        RecordingFrameSink<M> sink = new RecordingFrameSink<>(live);
        dialect.decode(frame, sink);
        return sink;
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
