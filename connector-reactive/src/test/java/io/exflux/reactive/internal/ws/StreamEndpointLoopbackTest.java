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
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** The engine against a real websocket server on loopback: reconnect, resubscribe, refcount, pool, close. */
@ExtendWith(FailOnNettyLeaks.class)
class StreamEndpointLoopbackTest {

    private FakeVenueServer server;
    private final List<Disposable> subscriptions = new CopyOnWriteArrayList<>();
    private StreamEndpoint<Msg> stream;

    /** Fast reconnects so the tests stay short; everything else as shipped. */
    private static final StreamOptions FAST = StreamOptions.builder()
            .backoff(Backoff.fullJitter(Duration.ofMillis(20), Duration.ofMillis(100)))
            .unsubscribeGrace(Duration.ofMillis(100))
            .build();

    @BeforeEach
    void startServer() {
        server = FakeVenueServer.start();
        server.websocket("/ws", WsScript.idle());
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(Disposable::dispose);
        if (stream != null) {
            stream.close().block(Duration.ofSeconds(10));
        }
        server.close();
    }

    private StreamEndpoint<Msg> connect(TestDialect dialect, StreamOptions options) {
        stream = StreamEndpoint.create(URI.create(server.wsUrl("/ws")), dialect, options);
        return stream;
    }

    private List<Msg> collect(reactor.core.publisher.Flux<Msg> flux, AtomicReference<Throwable> error) {
        List<Msg> received = new CopyOnWriteArrayList<>();
        subscriptions.add(flux.subscribe(received::add, error::set));
        return received;
    }

    private static List<String> payloads(List<Msg> messages) {
        return messages.stream().map(Msg::payload).toList();
    }

    @Test
    void serverCloseIsNotTheEnd_everyTopicIsResubscribedAndDataFlowsAgain() {
        connect(TestDialect.plain(), FAST);
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        subscriptions.add(stream.events().subscribe(events::add));
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Msg> a = collect(stream.topic("a", StreamKind.TRADES), error);
        List<Msg> b = collect(stream.topic("b", StreamKind.TRADES), error);

        WsSession first = session(server, 1);
        await("a and b subscribed", () -> subscribed(server, first.id()).equals(Set.of("a", "b")));
        first.send("a|1");
        first.send("b|1");
        await("first messages", () -> a.size() == 1 && b.size() == 1);

        first.close(1000, "maintenance");

        WsSession second = session(server, 2);
        await("a and b resubscribed", () -> subscribed(server, second.id()).equals(Set.of("a", "b")));
        second.send("a|2");
        second.send("b|2");
        await("messages after reconnect", () -> a.size() == 2 && b.size() == 2);

        assertThat(payloads(a)).containsExactly("1", "2");
        assertThat(payloads(b)).containsExactly("1", "2");
        assertThat(error.get()).isNull();
        assertThat(events).filteredOn(ConnectionEvent.Disconnected.class::isInstance)
                .singleElement()
                .satisfies(e -> assertThat(((ConnectionEvent.Disconnected) e).reason()).contains("1000"));
        assertThat(events).filteredOn(ConnectionEvent.Connected.class::isInstance).hasSize(2);
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(ConnectionEvent.Reconnecting.class));
    }

    @Test
    void droppedConnectionReconnects_authenticatesAgainBeforeResubscribing() {
        connect(TestDialect.plain().withToken("tok"), FAST);
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Msg> orders = collect(stream.topic("orders", StreamKind.PRIVATE), error);

        WsSession first = session(server, 1);
        await("subscribed", () -> subscribed(server, first.id()).contains("orders"));
        first.drop();

        WsSession second = session(server, 2);
        await("resubscribed", () -> subscribed(server, second.id()).contains("orders"));
        second.send("orders|filled");
        await("private message after reconnect", () -> orders.size() == 1);

        assertThat(texts(server, first.id())).containsExactly("auth:tok-1", "sub:orders");
        assertThat(texts(server, second.id())).containsExactly("auth:tok-2", "sub:orders");
        assertThat(error.get()).isNull();
    }

    @Test
    void topicsAreReferenceCounted_lastSubscriberUnsubscribesAfterTheGracePeriod() {
        connect(TestDialect.plain(), FAST.mutate().unsubscribeGrace(Duration.ofMillis(200)).build());
        AtomicReference<Throwable> error = new AtomicReference<>();
        Disposable one = stream.topic("a", StreamKind.TICKER).subscribe();
        List<Msg> second = collect(stream.topic("a", StreamKind.TICKER), error);
        WsSession session = session(server, 1);
        await("a subscribed", () -> subscribed(server, session.id()).contains("a"));

        one.dispose();
        session.send("a|still-here");
        await("the remaining subscriber still receives", () -> second.size() == 1);
        assertThat(framesStartingWith(server, session.id(), "unsub:")).isEmpty();

        subscriptions.forEach(Disposable::dispose);
        await("unsubscribed after grace", () -> framesStartingWith(server, session.id(), "unsub:").equals(List.of("unsub:a")));
        assertThat(framesStartingWith(server, session.id(), "sub:")).containsExactly("sub:a");
        assertThat(stream.liveTopics()).isEmpty();
    }

    @Test
    void aSubscriberReturningWithinTheGracePeriodKeepsTheWireSubscription() {
        connect(TestDialect.plain(), FAST.mutate().unsubscribeGrace(Duration.ofSeconds(30)).build());
        Disposable first = stream.topic("a", StreamKind.TICKER).subscribe();
        WsSession session = session(server, 1);
        await("a subscribed", () -> subscribed(server, session.id()).contains("a"));
        first.dispose();
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Msg> again = collect(stream.topic("a", StreamKind.TICKER), error);
        session.send("a|x");
        await("returning subscriber receives", () -> again.size() == 1);

        assertThat(framesStartingWith(server, session.id(), "sub:")).containsExactly("sub:a");
        assertThat(framesStartingWith(server, session.id(), "unsub:")).isEmpty();
    }

    @Test
    void pastTheTopicLimitAnotherSocketOpens_andResubscriptionIsBatchedPerFrame() {
        connect(new TestDialect(2, 3, Heartbeats.none()), FAST);
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Msg> received = new CopyOnWriteArrayList<>();
        for (String topic : List.of("t1", "t2", "t3", "t4")) {
            subscriptions.add(stream.topic(topic, StreamKind.TRADES).subscribe(received::add, error::set));
        }
        session(server, 2);
        // The two sockets connect concurrently, so the server may accept either one first.
        await("t1..t3 on one socket and t4 on another", () -> server.sessions().stream()
                .map(s -> subscribed(server, s.id())).collect(Collectors.toSet())
                .equals(Set.of(Set.of("t1", "t2", "t3"), Set.of("t4"))));
        WsSession first = server.sessions().stream()
                .filter(s -> subscribed(server, s.id()).size() == 3).findFirst().orElseThrow();
        WsSession second = server.sessions().stream().filter(s -> s != first).findFirst().orElseThrow();
        assertThat(stream.socketCount()).isEqualTo(2);

        first.drop();
        WsSession third = session(server, 3);
        await("first socket's topics resubscribed", () -> subscribed(server, third.id()).equals(Set.of("t1", "t2", "t3")));
        assertThat(framesStartingWith(server, third.id(), "sub:"))
                .allSatisfy(frame -> assertThat(frame.substring(4).split(",")).hasSizeLessThanOrEqualTo(2));
        third.send("t3|x");
        second.send("t4|y");
        await("both sockets deliver", () -> received.size() == 2);
        assertThat(server.sessions()).hasSize(3);
        assertThat(error.get()).isNull();
    }

    @Test
    void malformedFramesAreCountedAndSkipped_controlMessagesGoToTheirOwnFlux() {
        connect(TestDialect.plain(), FAST);
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Msg> control = new CopyOnWriteArrayList<>();
        subscriptions.add(stream.controlMessages().subscribe(control::add));
        List<Msg> a = collect(stream.topic("a", StreamKind.TRADES), error);
        WsSession session = session(server, 1);
        await("subscribed", () -> subscribed(server, session.id()).contains("a"));

        session.send("garbage without separator");
        session.send("boom");
        session.sendBinary(new byte[] {1, 2, 3});
        session.send("ack:a");
        session.send("a|after");
        await("message after the bad frames", () -> a.size() == 1);

        assertThat(payloads(a)).containsExactly("after");
        assertThat(stream.malformedFrames()).isEqualTo(3);
        assertThat(control).extracting(Msg::payload).containsExactly("ack:a");
        assertThat(error.get()).isNull();
        assertThat(server.sessions()).hasSize(1);
    }

    @Test
    void aMessageLargerThanNettysDefaultFrameLimitArrivesWhole() {
        connect(TestDialect.plain(), FAST);
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Msg> a = collect(stream.topic("a", StreamKind.ORDER_BOOK), error);
        WsSession session = session(server, 1);
        await("subscribed", () -> subscribed(server, session.id()).contains("a"));
        String big = "x".repeat(300_000);
        session.send("a|" + big);
        await("big message", () -> a.size() == 1);
        assertThat(a.get(0).payload()).isEqualTo(big);
        assertThat(error.get()).isNull();
    }

    @Test
    void closeSendsACloseFrame_completesSubscribersAndReleasesTheSocket() {
        connect(TestDialect.plain(), FAST);
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        AtomicReference<Boolean> eventsCompleted = new AtomicReference<>(false);
        subscriptions.add(stream.events().subscribe(events::add, e -> { }, () -> eventsCompleted.set(true)));
        AtomicReference<Boolean> topicCompleted = new AtomicReference<>(false);
        subscriptions.add(stream.topic("a", StreamKind.TRADES).subscribe(m -> { }, e -> { }, () -> topicCompleted.set(true)));
        WsSession session = session(server, 1);
        await("subscribed", () -> subscribed(server, session.id()).contains("a"));

        stream.close().block(Duration.ofSeconds(10));

        await("server sees the socket closed", () -> server.openConnections() == 0);
        assertThat(server.frames()).filteredOn(f -> f.kind() == RecordedFrame.Kind.CLOSE)
                .singleElement().satisfies(f -> assertThat(f.text()).startsWith("1000"));
        assertThat(topicCompleted.get()).isTrue();
        assertThat(eventsCompleted.get()).isTrue();
        assertThat(events.get(events.size() - 1)).isInstanceOf(ConnectionEvent.Closed.class);
        assertThat(server.sessions()).hasSize(1);
        assertThat(stream.topic("b", StreamKind.TRADES).collectList().onErrorResume(e -> Mono.empty()).block())
                .isNull();
    }
}
