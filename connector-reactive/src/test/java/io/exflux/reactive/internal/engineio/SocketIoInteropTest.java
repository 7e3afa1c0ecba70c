package io.exflux.reactive.internal.engineio;

import io.exflux.reactive.config.Backoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.internal.ws.StreamEndpoint;
import io.exflux.reactive.config.StreamKind;
import io.exflux.reactive.config.StreamOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.Disposable;

/**
 * The engine.io / socket.io dialect on the websocket engine against REAL servers from the npm registry
 * (socket.io 2.5.0 on engine.io 3, socket.io 4.8.1 on engine.io 4, bare engine.io 6.6.4 in both
 * protocol versions), on loopback, with a 300 ms ping interval so heartbeats happen quickly. Servers report what
 * they saw on stdout (subscriptions, client heartbeats), read by {@link NodeServer}.
 */
class SocketIoInteropTest {

    private static final int PING_INTERVAL_MS = 300;
    /**
     * Generous so that a cold, loaded JVM (2 shared cores) stays within engine.io 3's server deadline
     * of pingInterval + pingTimeout between the open packet and our first ping; heartbeats still run
     * every 300 ms.
     */
    private static final int PING_TIMEOUT_MS = 2000;
    private static final String CHANNEL = "book_BTC_USD";

    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
    private final List<Disposable> subscriptions = new CopyOnWriteArrayList<>();

    static Stream<Arguments> servers() {
        EngineIoOptions socketIo = EngineIoOptions.defaults();
        EngineIoOptions bare = socketIo.mutate().framing(Framing.ENGINE_IO).path("/engine.io/").build();
        return Stream.of(
                Arguments.of("sio2", socketIo.mutate().version(EngineIoVersion.V3).build()),
                Arguments.of("sio4", socketIo.mutate().version(EngineIoVersion.V4).build()),
                Arguments.of("eio", bare.mutate().version(EngineIoVersion.V4).build()),
                Arguments.of("eio", bare.mutate().version(EngineIoVersion.V3).build()));
    }

    @AfterEach
    void stopEverything() throws Exception {
        subscriptions.forEach(Disposable::dispose);
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("servers")
    void subscribesReceivesStaysAliveAcrossPingsAndResubscribesAfterAServerRestart(String kind, EngineIoOptions options)
            throws Exception {
        AtomicReference<NodeServer> server = new AtomicReference<>(started(kind, 0));
        int port = server.get().port();
        StreamEndpoint<Book> connection = connect(server.get(), options);
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        List<Book> books = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        subscriptions.add(connection.events().subscribe(events::add));
        subscriptions.add(connection.topic(CHANNEL, StreamKind.OTHER)
                .subscribe(books::add, errors::add));

        await("the first book", () -> !books.isEmpty());
        await("the server's log of the subscription", () -> !server.get().subscriptions().isEmpty());
        assertThat(server.get().subscriptions()).containsExactly(CHANNEL);
        assertThat(books.get(0).pair()).isEqualTo("BTC_USD");

        int heartbeatsAtStart = server.get().heartbeats();
        await("three more client heartbeats seen by the server", () -> server.get().heartbeats() >= heartbeatsAtStart + 3);
        int booksBefore = books.size();
        await("books keep coming after the heartbeats", () -> books.size() > booksBefore);
        assertThat(events).as("no disconnect while heartbeating").noneMatch(ConnectionEvent.Disconnected.class::isInstance);
        if (options.framing() == Framing.SOCKET_IO) {
            assertThat(books).as("routed by event name and by pair")
                    .extracting(Book::event).contains(CHANNEL, "depth");
        }

        server.get().close();
        await("the disconnect", () -> events.stream().anyMatch(ConnectionEvent.Disconnected.class::isInstance));
        server.set(started(kind, port));
        await("the resubscription on the restarted server", () -> server.get().subscriptions().contains(CHANNEL));
        int booksAfterRestart = books.size();
        await("books from the restarted server", () -> books.size() > booksAfterRestart);

        assertThat(errors).as("the subscriber never saw an error").isEmpty();
        assertThat(events.stream().filter(ConnectionEvent.Connected.class::isInstance).count()).isGreaterThanOrEqualTo(2);
        assertThat(connection.malformedFrames()).as("every frame of the real server was readable").isZero();
    }

    static Stream<Arguments> protectedNamespaces() {
        return Stream.of(
                Arguments.of("sio4", EngineIoOptions.builder().version(EngineIoVersion.V4).namespace("/admin")
                        .auth(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("token", "123"))
                        .build()),
                Arguments.of("sio2", EngineIoOptions.builder().version(EngineIoVersion.V3).namespace("/admin?token=123").build()));
    }

    /** socket.io 4 takes the token in the CONNECT auth object, socket.io 2 in the namespace query. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("protectedNamespaces")
    void joinsAProtectedNamespaceWithItsToken(String kind, EngineIoOptions options) throws Exception {
        NodeServer server = started(kind, 0);
        StreamEndpoint<Book> connection = connect(server, options);
        List<Book> books = new CopyOnWriteArrayList<>();
        subscriptions.add(connection.topic(CHANNEL, StreamKind.OTHER)
                .subscribe(books::add));

        await("a book from the /admin namespace", () -> !books.isEmpty());
        await("the server's log of the subscription", () -> !server.subscriptions().isEmpty());
        assertThat(server.subscriptions()).containsExactly(CHANNEL);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({"sio4, V4, wrong", "sio2, V3, ''"})
    void aRefusedNamespaceIsReportedWithTheServersReasonAndNothingIsSubscribed(String kind, EngineIoVersion version,
                                                                              String token) throws Exception {
        NodeServer server = started(kind, 0);
        EngineIoOptions.Builder options = EngineIoOptions.builder().version(version).namespace("/admin");
        if (!token.isEmpty()) {
            options.auth(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("token", token));
        }
        StreamEndpoint<Book> connection = connect(server, options.build());
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        subscriptions.add(connection.events().subscribe(events::add));
        subscriptions.add(connection.topic(CHANNEL, StreamKind.OTHER).subscribe());

        await("the refusal", () -> events.stream().anyMatch(event -> event instanceof ConnectionEvent.Disconnected d
                && d.cause() != null && String.valueOf(d.cause().getMessage()).contains("not authorized")));
        assertThat(events).noneMatch(ConnectionEvent.Connected.class::isInstance);
        assertThat(server.subscriptions()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({"sio2, V3", "sio4, V4"})
    void aBinaryEventIsRejectedFrameByFrameAndTheStreamGoesOn(String kind, EngineIoVersion version) throws Exception {
        NodeServer server = started(kind, 0);
        StreamEndpoint<Book> connection = connect(server, EngineIoOptions.builder().version(version).build());
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        List<Book> books = new CopyOnWriteArrayList<>();
        subscriptions.add(connection.events().subscribe(events::add));
        subscriptions.add(connection.topic("binary", StreamKind.OTHER).subscribe());
        await("the binary subscription", () -> server.subscriptions().contains("binary"));
        subscriptions.add(connection.topic(CHANNEL, StreamKind.OTHER)
                .subscribe(books::add));

        await("the binary header and attachment counted as malformed", () -> connection.malformedFrames() >= 2);
        await("books after the binary event", () -> !books.isEmpty());
        assertThat(connection.malformedFrames()).isEqualTo(2);
        assertThat(events).noneMatch(ConnectionEvent.Disconnected.class::isInstance);
    }

    private StreamEndpoint<Book> connect(NodeServer server, EngineIoOptions options) {
        StreamEndpoint<Book> connection = StreamEndpoint.create(
                options.websocketUri(URI.create("ws://127.0.0.1:" + server.port())),
                new EngineIoDialect<>(options, EngineIoDialectTest.ROUTER, BOOKS),
                StreamOptions.builder().backoff(Backoff.fullJitter(Duration.ofMillis(50), Duration.ofMillis(200))).build());
        toClose.add(0, () -> connection.close().block(Duration.ofSeconds(5)));
        return connection;
    }

    private NodeServer started(String kind, int port) throws Exception {
        NodeServer server = NodeServer.start(kind, port, PING_INTERVAL_MS, PING_TIMEOUT_MS);
        toClose.add(server);
        return server;
    }

    /** The test venue's record: decoded once per event on the event loop, by {@link #BOOKS}. */
    record Book(String event, String pair) { }

    /** Book events become {@link Book}s; any other event is skipped. */
    private static final EventCodec<Book> BOOKS = event -> {
        List<com.fasterxml.jackson.databind.JsonNode> arguments = event.arguments();
        if (arguments.isEmpty() || !arguments.get(0).has("pair")) {
            return null;
        }
        return new Book(event.name(), arguments.get(0).get("pair").asText());
    };

    /** Waits for a condition on the test thread (real time, loopback); not a timing assertion. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
