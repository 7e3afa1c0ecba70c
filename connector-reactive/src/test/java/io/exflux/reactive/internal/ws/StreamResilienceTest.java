package io.exflux.reactive.internal.ws;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.Backoff;
import reactor.netty.http.HttpResources;

import io.exflux.reactive.config.StreamKind;

import io.exflux.reactive.config.StreamOptions;

import static io.exflux.reactive.internal.ws.Loopback.await;
import static io.exflux.reactive.internal.ws.Loopback.session;
import static io.exflux.reactive.internal.ws.Loopback.subscribed;
import static io.exflux.reactive.internal.ws.Loopback.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.ExchangeUnavailableException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Heartbeats, handshakes and backoff against a loopback server. */
@ExtendWith(FailOnNettyLeaks.class)
class StreamResilienceTest {

    private FakeVenueServer server = FakeVenueServer.start();
    private final List<Disposable> subscriptions = new CopyOnWriteArrayList<>();
    private StreamEndpoint<Msg> stream;
    private VirtualTimeScheduler time;

    @AfterEach
    void stop() {
        subscriptions.forEach(Disposable::dispose);
        if (stream != null) {
            stream.close().block(Duration.ofSeconds(10));
        }
        server.close();
        if (time != null) {
            time.dispose();
        }
    }

    /** Resources on the test's virtual time and reactor-netty's global loops (so nothing is left to close). */
    private ClientResources onVirtualTime(Backoff reconnect) {
        return ClientResources.builder().scheduler(time).reconnectBackoff(reconnect)
                .loopResources(HttpResources.get()).connectionProvider(HttpResources.get()).build();
    }

    private static StreamOptions fast() {
        return StreamOptions.builder()
                .backoff(Backoff.fullJitter(Duration.ofMillis(20), Duration.ofMillis(100)))
                .build();
    }

    /** Answers {@code ping} with {@code pong} until stalled. */
    private static WsScript pongingServer() {
        return session -> session.inbound()
                .filter("ping"::equals)
                .doOnNext(ping -> session.send("pong"))
                .then();
    }

    @Test
    void aStalledServerIsDetectedByTheMissingPong_andTheStreamRecoversOnANewSocket() {
        server.websocket("/ws", pongingServer());
        HeartbeatStrategy btseLike = Heartbeats.clientTextPing("ping", "pong", Duration.ofMillis(100), Duration.ofMillis(200));
        stream = StreamEndpoint.create(URI.create(server.wsUrl("/ws")), new TestDialect(10, 10, btseLike), fast());
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        subscriptions.add(stream.events().subscribe(events::add));
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Msg> a = new CopyOnWriteArrayList<>();
        subscriptions.add(stream.topic("a", StreamKind.TRADES).subscribe(a::add, error::set));

        WsSession first = session(server, 1);
        await("a few pings answered", () -> texts(server, first.id()).stream().filter("ping"::equals).count() >= 3);
        assertThat(server.sessions()).hasSize(1);
        first.stall();

        WsSession second = session(server, 2);
        await("resubscribed on the new socket", () -> subscribed(server, second.id()).equals(Set.of("a")));
        second.send("a|after-stall");
        await("data after recovery", () -> a.size() == 1);
        await("the stale socket is closed, not leaked", () -> server.openConnections() == 1);
        assertThat(error.get()).isNull();
        assertThat(events).filteredOn(ConnectionEvent.Disconnected.class::isInstance)
                .first().satisfies(e -> assertThat(((ConnectionEvent.Disconnected) e).cause())
                        .isInstanceOf(StaleConnectionException.class));
        assertThat(stream.malformedFrames()).isZero();
    }

    @Test
    void handshakeReadsTheWelcome_itsTimingsDriveTheIdleWatchdog_andItsFramesAreNotMessages() {
        server.websocket("/ws", WsScript.sendOnOpen("welcome:150"));
        StreamDialect<Msg> withWelcome = new DelegatingDialect(new TestDialect(10, 10, Heartbeats.idle(Duration.ofHours(1)))) {
            @Override
            public Mono<Handshake> handshake(HandshakeSession session) {
                return session.receive().map(frame -> {
                    long millis = Long.parseLong(frame.substring("welcome:".length()));
                    return new Handshake(Duration.ofMillis(millis), Duration.ofMillis(millis));
                });
            }
        };
        stream = StreamEndpoint.create(URI.create(server.wsUrl("/ws")), withWelcome, fast());
        AtomicReference<Throwable> error = new AtomicReference<>();
        subscriptions.add(stream.topic("a", StreamKind.TRADES).subscribe(m -> { }, error::set));

        // the server stays silent after its welcome: 150 + 150 ms later the watchdog must drop the socket
        WsSession second = session(server, 2);
        await("resubscribed after the idle drop", () -> subscribed(server, second.id()).equals(Set.of("a")));
        assertThat(stream.malformedFrames()).as("welcome frames are consumed by the handshake").isZero();
        assertThat(error.get()).isNull();
    }

    @Test
    void aHandshakeThatNeverCompletesTimesOutAndReconnects() {
        server.websocket("/ws", WsScript.idle());
        StreamDialect<Msg> waitsForever = new DelegatingDialect(TestDialect.plain()) {
            @Override
            public Mono<Handshake> handshake(HandshakeSession session) {
                return session.receive().thenReturn(Handshake.NONE);
            }
        };
        stream = StreamEndpoint.create(URI.create(server.wsUrl("/ws")), waitsForever,
                fast().mutate().handshakeTimeout(Duration.ofMillis(200)).build());
        subscriptions.add(stream.topic("a", StreamKind.TRADES).subscribe());
        session(server, 3);
        assertThat(texts(server, 1)).as("nothing subscribed before the handshake").isEmpty();
    }

    @Test
    void reconnectDelaysFollowTheBackoffExactlyOnVirtualTime_andGrowUntilAConnectionSucceeds() throws Exception {
        time = VirtualTimeScheduler.create();
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        ClientResources resources = onVirtualTime(Backoff.fullJitter(Duration.ofSeconds(1), Duration.ofSeconds(5),
                2, () -> 0.5));
        stream = StreamEndpoint.create(URI.create("ws://127.0.0.1:" + closedPort + "/ws"), TestDialect.plain(),
                StreamOptions.defaults(), resources);
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        subscriptions.add(stream.events().subscribe(events::add));
        subscriptions.add(stream.topic("a", StreamKind.TRADES).subscribe());

        List<Duration> expected = List.of(Duration.ofMillis(1000), Duration.ofMillis(2000), Duration.ofMillis(2500),
                Duration.ofMillis(2500));
        for (int i = 0; i < expected.size(); i++) {
            int attempt = i + 2;
            await("reconnect " + attempt + " scheduled", () -> reconnecting(events).size() >= attempt - 1);
            ConnectionEvent.Reconnecting scheduled = reconnecting(events).get(attempt - 2);
            assertThat(scheduled.attempt()).isEqualTo(attempt);
            assertThat(scheduled.delay()).isEqualTo(expected.get(i));

            time.advanceTimeBy(scheduled.delay().minusMillis(1));
            assertThat(connecting(events)).as("attempt %d not before its delay", attempt).hasSize(attempt - 1);
            time.advanceTimeBy(Duration.ofMillis(1));
            assertThat(connecting(events)).hasSize(attempt);
        }
    }

    @Test
    void anUpgradeThatNeverAnswersHitsTheConnectTimeoutAndIsRetried() throws Exception {
        // a listening socket nobody accepts from: TCP connects (the kernel queues it), the upgrade never answers
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            stream = StreamEndpoint.create(URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/ws"),
                    TestDialect.plain(), fast().mutate().connectTimeout(Duration.ofMillis(200)).build());
            List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
            subscriptions.add(stream.events().subscribe(events::add));
            subscriptions.add(stream.topic("a", StreamKind.TRADES).subscribe());

            await("a second attempt", () -> connecting(events).size() >= 2);
            assertThat(events).filteredOn(ConnectionEvent.Disconnected.class::isInstance).first()
                    .satisfies(e -> assertThat(((ConnectionEvent.Disconnected) e).cause())
                            .isInstanceOf(java.util.concurrent.TimeoutException.class));
            stream.close().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void closeDuringTheBackoffWaitStopsReconnectingAndCompletesEverything() throws Exception {
        time = VirtualTimeScheduler.create();
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        stream = StreamEndpoint.create(URI.create("ws://127.0.0.1:" + closedPort + "/ws"), TestDialect.plain(),
                StreamOptions.defaults(), onVirtualTime(Backoff.fullJitter(Duration.ofMillis(100),
                        Duration.ofSeconds(30), 2, () -> 0.5)));
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        AtomicReference<Boolean> topicDone = new AtomicReference<>(false);
        subscriptions.add(stream.events().subscribe(events::add));
        subscriptions.add(stream.topic("a", StreamKind.TRADES).subscribe(m -> { }, e -> { }, () -> topicDone.set(true)));
        await("waiting to reconnect", () -> !reconnecting(events).isEmpty());

        stream.close().block(Duration.ofSeconds(10));
        time.advanceTimeBy(Duration.ofMinutes(10));

        assertThat(connecting(events)).hasSize(1);
        assertThat(events.get(events.size() - 1)).isInstanceOf(ConnectionEvent.Closed.class);
        assertThat(topicDone.get()).isTrue();
    }

    @Test
    void theAttemptCounterResetsOnlyAfterAStablePeriod() {
        time = VirtualTimeScheduler.create();
        server.websocket("/ws", WsScript.idle());
        StreamOptions options = StreamOptions.builder()
                .backoff(Backoff.fullJitter(Duration.ofSeconds(1), Duration.ofSeconds(10), 2,
                        () -> 1.0 - Math.ulp(1.0)))
                .stablePeriod(Duration.ofSeconds(30))
                // virtual time jumps 30 s at once, faster than a real pong could answer the stall probe
                .stallTimeout(Duration.ZERO)
                .build();
        stream = StreamEndpoint.create(URI.create(server.wsUrl("/ws")), TestDialect.plain(), options,
                onVirtualTime(ClientResources.DEFAULT_RECONNECT_BACKOFF));
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        subscriptions.add(stream.events().subscribe(events::add));
        subscriptions.add(stream.topic("a", StreamKind.TRADES).subscribe());

        await("connected", () -> connected(events) == 1);
        session(server, 1).drop();
        await("first reconnect scheduled", () -> reconnecting(events).size() == 1);
        assertThat(reconnecting(events).get(0).attempt()).as("dropped before stable").isEqualTo(2);
        time.advanceTimeBy(reconnecting(events).get(0).delay().plusMillis(1));

        await("connected again", () -> connected(events) == 2);
        time.advanceTimeBy(Duration.ofSeconds(30));
        session(server, 2).drop();
        await("second reconnect scheduled", () -> reconnecting(events).size() == 2);
        assertThat(reconnecting(events).get(1).attempt()).as("dropped after a stable period").isEqualTo(1);
    }

    @Test
    void aStallIsDetectedWithinTheStallTimeoutLongBeforeTheVenuesKeepalive_andTheStreamRecovers() {
        time = VirtualTimeScheduler.create();
        server.websocket("/ws", WsScript.idle());
        // the venue's own bound is an hour away: only the engine's 15 s stall bound can catch this stall
        StreamDialect<Msg> lazyKeepalive = new TestDialect(10, 10, Heartbeats.idle(Duration.ofHours(1)));
        stream = StreamEndpoint.create(URI.create(server.wsUrl("/ws")), lazyKeepalive,
                StreamOptions.builder().backoff(Backoff.constant(Duration.ofSeconds(1))).build(),
                onVirtualTime(ClientResources.DEFAULT_RECONNECT_BACKOFF));
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        subscriptions.add(stream.events().subscribe(events::add));
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Msg> a = new CopyOnWriteArrayList<>();
        subscriptions.add(stream.topic("a", StreamKind.TRADES).subscribe(a::add, error::set));

        WsSession first = session(server, 1);
        await("subscribed", () -> subscribed(server, first.id()).equals(Set.of("a")));
        await("connected", () -> connected(events) == 1);
        first.stall();

        time.advanceTimeBy(StreamOptions.DEFAULT_STALL_TIMEOUT.dividedBy(2));
        await("the silent socket is probed with a websocket ping", () -> server.frames().stream()
                .anyMatch(f -> f.sessionId() == first.id() && f.kind() == RecordedFrame.Kind.PING));
        time.advanceTimeBy(StreamOptions.DEFAULT_STALL_TIMEOUT.dividedBy(2).minusMillis(1));
        assertThat(disconnected(events)).as("not before the bound").isEmpty();
        time.advanceTimeBy(Duration.ofMillis(1));
        await("declared stale at the bound", () -> disconnected(events).size() == 1);
        assertThat(disconnected(events).get(0).cause()).isInstanceOf(StaleConnectionException.class);

        await("reconnect scheduled", () -> reconnecting(events).size() == 1);
        time.advanceTimeBy(reconnecting(events).get(0).delay());
        WsSession second = session(server, 2);
        await("resubscribed on the new socket", () -> subscribed(server, second.id()).equals(Set.of("a")));
        second.send("a|after-stall");
        await("data after recovery", () -> a.size() == 1);
        await("the stalled socket is closed, not leaked", () -> server.openConnections() == 1);
        assertThat(error.get()).isNull();
    }

    @Test
    void anUnreachableEndpointFailsItsSubscribersWithATypedErrorAfterMaxConnectAttempts_andANewSubscriberTriesAgain()
            throws Exception {
        time = VirtualTimeScheduler.create();
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        stream = StreamEndpoint.create(URI.create("ws://127.0.0.1:" + closedPort + "/ws"), TestDialect.plain(),
                StreamOptions.builder().maxConnectAttempts(3).backoff(Backoff.constant(Duration.ofSeconds(1))).build(),
                onVirtualTime(ClientResources.DEFAULT_RECONNECT_BACKOFF));
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        subscriptions.add(stream.events().subscribe(events::add));
        AtomicReference<Throwable> error = new AtomicReference<>();
        subscriptions.add(stream.topic("a", StreamKind.TRADES).subscribe(m -> { }, error::set));

        for (int attempt = 1; attempt < 3; attempt++) {
            int failed = attempt;
            await("attempt " + failed + " failed", () -> reconnecting(events).size() == failed);
            assertThat(error.get()).as("still retrying after %d attempts", failed).isNull();
            time.advanceTimeBy(Duration.ofSeconds(1));
        }
        await("the subscriber is told", () -> error.get() != null);
        assertThat(error.get()).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("3 connect attempts")
                .hasMessageContaining("127.0.0.1:" + closedPort);
        assertThat(((ExchangeUnavailableException) error.get()).isTransient()).isTrue();
        assertThat(connecting(events)).hasSize(3);
        assertThat(reconnecting(events)).as("no reconnect after giving up").hasSize(2);
        time.advanceTimeBy(Duration.ofMinutes(10));
        assertThat(connecting(events)).hasSize(3);
        assertThat(stream.socketCount()).isZero();

        AtomicReference<Throwable> later = new AtomicReference<>();
        subscriptions.add(stream.topic("a", StreamKind.TRADES).subscribe(m -> { }, later::set));
        await("a later subscriber tries again", () -> connecting(events).size() == 4);
    }

    @Test
    void aStreamThatConnectedOnceReconnectsForever_pastMaxConnectAttempts() {
        server.websocket("/ws", WsScript.idle());
        stream = StreamEndpoint.create(URI.create(server.wsUrl("/ws")), TestDialect.plain(),
                fast().mutate().maxConnectAttempts(1).build());
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        subscriptions.add(stream.events().subscribe(events::add));
        AtomicReference<Throwable> error = new AtomicReference<>();
        subscriptions.add(stream.topic("a", StreamKind.TRADES).subscribe(m -> { }, error::set));
        await("connected", () -> connected(events) == 1);

        server.close();
        await("many failed attempts after the venue went away", () -> reconnecting(events).size() >= 5);
        assertThat(error.get()).isNull();
        assertThat(stream.socketCount()).isEqualTo(1);
    }

    private static List<ConnectionEvent.Disconnected> disconnected(List<ConnectionEvent> events) {
        return events.stream().filter(ConnectionEvent.Disconnected.class::isInstance)
                .map(ConnectionEvent.Disconnected.class::cast).toList();
    }

    private static List<ConnectionEvent.Reconnecting> reconnecting(List<ConnectionEvent> events) {
        return events.stream().filter(ConnectionEvent.Reconnecting.class::isInstance)
                .map(ConnectionEvent.Reconnecting.class::cast).toList();
    }

    private static List<ConnectionEvent.Connecting> connecting(List<ConnectionEvent> events) {
        return events.stream().filter(ConnectionEvent.Connecting.class::isInstance)
                .map(ConnectionEvent.Connecting.class::cast).toList();
    }

    private static long connected(List<ConnectionEvent> events) {
        return events.stream().filter(ConnectionEvent.Connected.class::isInstance).count();
    }
}
