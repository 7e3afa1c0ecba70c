package io.exflux.reactive.internal.ws;

import io.exflux.reactive.config.Backoff;

import io.exflux.reactive.config.StreamKind;

import io.exflux.reactive.config.StreamOptions;

import static io.exflux.reactive.internal.ws.Loopback.await;
import static io.exflux.reactive.internal.ws.Loopback.framesStartingWith;
import static io.exflux.reactive.internal.ws.Loopback.session;
import static io.exflux.reactive.internal.ws.Loopback.subscribed;
import static io.exflux.reactive.internal.ws.Loopback.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.testsupport.FailOnNettyLeaks;
import io.exflux.reactive.internal.ws.TestDialect.Msg;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedFrame;
import io.exflux.testkit.server.WsScript;
import io.exflux.testkit.server.WsSession;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The engine's venue hooks on loopback: frames a venue sends on live sockets, idle sockets closed after
 * the grace period, frames the handshake hands back.
 */
@ExtendWith(FailOnNettyLeaks.class)
class StreamSpiLoopbackTest {

    private static final StreamOptions FAST = StreamOptions.builder()
            .backoff(Backoff.fullJitter(Duration.ofMillis(20), Duration.ofMillis(100)))
            .unsubscribeGrace(Duration.ofMillis(100))
            .build();

    private FakeVenueServer server;
    private final List<Disposable> subscriptions = new CopyOnWriteArrayList<>();
    private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> error = new AtomicReference<>();
    private StreamEndpoint<Msg> stream;

    @BeforeEach
    void startServer() {
        server = FakeVenueServer.start();
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(Disposable::dispose);
        if (stream != null) {
            stream.close().block(Duration.ofSeconds(10));
        }
        server.close();
    }

    private StreamEndpoint<Msg> connect(StreamDialect<Msg> dialect) {
        stream = StreamEndpoint.create(URI.create(server.wsUrl("/ws")), dialect, FAST);
        subscriptions.add(stream.events().subscribe(events::add));
        return stream;
    }

    private List<Msg> collect(String topic) {
        List<Msg> received = new CopyOnWriteArrayList<>();
        subscriptions.add(stream.topic(topic, StreamKind.TRADES).subscribe(received::add, error::set));
        return received;
    }

    private static List<String> payloads(List<Msg> messages) {
        return messages.stream().map(Msg::payload).toList();
    }

    // ---------------------------------------------------------------- outboundFrames

    @Test
    void outboundFramesAreWrittenOnEveryLiveSocket_andOnTheNewSessionAfterAReconnect() {
        server.websocket("/ws", WsScript.idle());
        Sinks.Many<String> notes = Sinks.many().multicast().directBestEffort();
        AtomicInteger sessionsAsked = new AtomicInteger();
        connect(new DelegatingDialect(new TestDialect(1, 1, Heartbeats.none()).withToken("tok")) {
            @Override
            public Flux<String> outboundFrames(HeartbeatContext session) {
                sessionsAsked.incrementAndGet();
                return notes.asFlux();
            }
        });
        collect("a");
        collect("b");
        WsSession first = session(server, 1);
        WsSession second = session(server, 2);
        await("both sockets ask for their frames", () -> notes.currentSubscriberCount() == 2);

        notes.tryEmitNext("auth:renewed-1");
        await("both sockets write it", () -> texts(server, first.id()).contains("auth:renewed-1")
                && texts(server, second.id()).contains("auth:renewed-1"));
        assertThat(texts(server, first.id()).get(0)).as("authentication still comes first").startsWith("auth:tok-");

        first.drop();
        WsSession third = session(server, 3);
        await("the new session asks again and the old one let go", () -> sessionsAsked.get() == 3
                && notes.currentSubscriberCount() == 2);
        notes.tryEmitNext("auth:renewed-2");
        await("the new session writes it", () -> texts(server, third.id()).contains("auth:renewed-2")
                && texts(server, second.id()).contains("auth:renewed-2"));
        assertThat(texts(server, third.id())).doesNotContain("auth:renewed-1");
        assertThat(error.get()).isNull();
    }

    @Test
    void anOutboundFrameFailureDropsTheSocketWhichReconnectsAndResubscribes() {
        server.websocket("/ws", WsScript.idle());
        AtomicInteger sessionsAsked = new AtomicInteger();
        connect(new DelegatingDialect(TestDialect.plain()) {
            @Override
            public Flux<String> outboundFrames(HeartbeatContext session) {
                return sessionsAsked.incrementAndGet() == 1
                        ? Flux.error(new IllegalStateException("token renewal gave up")) : Flux.never();
            }
        });
        List<Msg> received = collect("a");
        WsSession second = session(server, 2);
        await("resubscribed on the new socket", () -> subscribed(server, second.id()).contains("a"));
        second.send("a|after");

        await("data flows again", () -> payloads(received).equals(List.of("after")));
        assertThat(events).filteredOn(ConnectionEvent.Disconnected.class::isInstance).isNotEmpty();
        assertThat(error.get()).as("subscribers see the gap, not an error").isNull();
    }

    // ---------------------------------------------------------------- idle sockets

    @Test
    void theEventsOfATopicAreThoseOfItsOwnSocket_notOfAnotherClosedOnceIdle() {
        server.websocket("/ws", WsScript.idle());
        connect(new DelegatingDialect(TestDialect.plain()) {
            @Override
            public int maxTopicsPerConnection() {
                return 1;
            }
        });
        List<ConnectionEvent> ofA = new CopyOnWriteArrayList<>();
        subscriptions.add(stream.events(List.of("a")).subscribe(ofA::add));
        collect("a");
        WsSession first = session(server, 1);
        await("a subscribed", () -> subscribed(server, first.id()).contains("a"));
        await("a's socket connected", () -> ofA.stream().anyMatch(ConnectionEvent.Connected.class::isInstance));
        Disposable b = stream.topic("b", StreamKind.TRADES).subscribe();
        WsSession second = session(server, 2);
        await("b subscribed on a second socket", () -> subscribed(server, second.id()).contains("b"));

        b.dispose();
        await("b's socket closed once idle", () -> server.openConnections() == 1);
        await("the endpoint reports it", () -> events.stream().anyMatch(ConnectionEvent.Disconnected.class::isInstance));
        assertThat(ofA).as("a's socket never dropped").noneMatch(ConnectionEvent.Disconnected.class::isInstance);
        assertThat(ofA).filteredOn(ConnectionEvent.Connected.class::isInstance).hasSize(1);

        first.close(1000, "maintenance");
        await("a's own socket loss reaches a", () -> ofA.stream().anyMatch(ConnectionEvent.Disconnected.class::isInstance));
        await("and its reconnect", () -> ofA.stream().filter(ConnectionEvent.Connected.class::isInstance).count() == 2);
    }

    @Test
    void aSocketWithoutTopicsIsClosedAfterTheGracePeriod_withoutReconnecting_andReopenedOnDemand() {
        server.websocket("/ws", WsScript.idle());
        connect(TestDialect.plain());
        Disposable only = stream.topic("a", StreamKind.TRADES).subscribe();
        WsSession first = session(server, 1);
        await("a subscribed", () -> subscribed(server, first.id()).contains("a"));

        only.dispose();
        await("the server sees the socket closed", () -> server.openConnections() == 0);
        await("the engine reports it", () -> events.stream().anyMatch(ConnectionEvent.Disconnected.class::isInstance));
        assertThat(framesStartingWith(server, first.id(), "unsub:")).containsExactly("unsub:a");
        assertThat(server.frames()).filteredOn(f -> f.kind() == RecordedFrame.Kind.CLOSE)
                .singleElement().satisfies(f -> assertThat(f.text()).startsWith("1000"));
        assertThat(stream.socketCount()).isZero();

        List<Msg> later = collect("b");
        WsSession second = session(server, 2);
        await("b subscribed on a new socket", () -> subscribed(server, second.id()).contains("b"));
        second.send("b|x");
        await("the new socket delivers", () -> payloads(later).equals(List.of("x")));
        // Reconnecting would have been published right after the first socket's Disconnected
        assertThat(events).noneMatch(ConnectionEvent.Reconnecting.class::isInstance);
        assertThat(server.sessions()).hasSize(2);
        assertThat(stream.socketCount()).isEqualTo(1);
    }

    @Test
    void onlyTheSocketThatLostItsTopicsIsClosed() {
        server.websocket("/ws", WsScript.idle());
        connect(new TestDialect(1, 1, Heartbeats.none()));
        Disposable a = stream.topic("a", StreamKind.TRADES).subscribe();
        List<Msg> b = collect("b");
        session(server, 2);
        await("a and b on their own sockets", () -> server.sessions().stream()
                .filter(s -> subscribed(server, s.id()).size() == 1).count() == 2);
        WsSession ofA = server.sessions().stream().filter(s -> subscribed(server, s.id()).contains("a")).findFirst().orElseThrow();
        WsSession ofB = server.sessions().stream().filter(s -> s != ofA).findFirst().orElseThrow();

        a.dispose();
        await("a's socket closed", () -> !ofA.isOpen());
        ofB.send("b|still");
        await("b's socket still delivers", () -> payloads(b).equals(List.of("still")));
        assertThat(ofB.isOpen()).isTrue();
        assertThat(stream.socketCount()).isEqualTo(1);
        assertThat(server.sessions()).hasSize(2);
    }

    // ---------------------------------------------------------------- handBack

    @Test
    void framesTheHandshakeHandsBackAreDeliveredInOrderOnceLive_andAMalformedOneIsCounted() {
        server.websocket("/ws", WsScript.sendOnOpen("a|early-1", "garbage", "a|early-2", "ready"));
        connect(new DelegatingDialect(TestDialect.plain()) {
            @Override
            public Mono<Handshake> handshake(HandshakeSession session) {
                return untilReady(session);
            }

            private Mono<Handshake> untilReady(HandshakeSession session) {
                return session.receive().flatMap(frame -> {
                    if (frame.equals("ready")) {
                        return Mono.just(Handshake.NONE);
                    }
                    session.handBack(frame);
                    return untilReady(session);
                });
            }
        });
        List<Msg> received = collect("a");
        WsSession first = session(server, 1);
        await("a subscribed", () -> subscribed(server, first.id()).contains("a"));
        first.send("a|late");

        await("every message arrives", () -> received.size() >= 3);
        assertThat(payloads(received)).containsExactly("early-1", "early-2", "late");
        assertThat(stream.malformedFrames()).isEqualTo(1);
        assertThat(error.get()).isNull();
    }
}
