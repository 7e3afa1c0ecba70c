package io.exflux.testkit.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * A scriptable fake venue on loopback (127.0.0.1, an ephemeral port) for tests. It starts and stops in
 * milliseconds, serves scripted REST routes ({@link #route}) and websocket endpoints ({@link #websocket}), injects
 * faults through {@link FakeResponse} and {@link WsSession}, and records every request and inbound websocket frame
 * with its arrival time so a test can assert on the wire.
 *
 * <pre>{@code
 * try (FakeVenueServer server = FakeVenueServer.start()) {
 *     server.route("GET", "/api/v1/ticker").respond(FakeResponse.status(503), FakeResponse.ok("{}"));
 *     server.websocket("/ws", WsScript.sendOnOpen("{\"hello\":1}"));
 *     // ... point the client at server.baseUrl() / server.wsUrl("/ws") ...
 *     assertThat(server.requests("GET", "/api/v1/ticker")).hasSize(2);
 * }
 * }</pre>
 *
 * <p>An unscripted path answers 404 with a small JSON body (and is recorded). A request body over
 * {@link #maxRequestBody(int)} (1 MiB by default) is read and thrown away and answered 413
 * ({@link #oversizedBodyAnswer(FakeResponse)}) without reaching a route. What the server records is bounded:
 * the newest {@value #DEFAULT_RECORD_CAPACITY} requests and as many frames, and at most
 * {@value #DEFAULT_RECORDED_BODY_BYTES} bytes of request bodies and as many characters of frames
 * ({@link #recordLimits(int, long)}); older records go first. {@link #start()} and {@link #close()}
 * wait for the socket: call them from the test thread, never from a reactor thread.
 */
public final class FakeVenueServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FakeVenueServer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /** Default largest request body accepted. */
    public static final int DEFAULT_MAX_REQUEST_BODY = 1024 * 1024;
    /** Default number of requests (and of frames) kept for assertions. */
    public static final int DEFAULT_RECORD_CAPACITY = 10_000;
    /** Default total of request body bytes kept for assertions. */
    public static final long DEFAULT_RECORDED_BODY_BYTES = 16L * 1024 * 1024;

    private final Clock clock;
    private final List<RouteStub> routes = new CopyOnWriteArrayList<>();
    private final Map<String, WsScript> websockets = new ConcurrentHashMap<>();
    private final BoundedRecords<RecordedRequest> requests =
            new BoundedRecords<>(DEFAULT_RECORD_CAPACITY, DEFAULT_RECORDED_BODY_BYTES, RecordedRequest::bodyLength);
    private final BoundedRecords<RecordedFrame> frames =
            new BoundedRecords<>(DEFAULT_RECORD_CAPACITY, DEFAULT_RECORDED_BODY_BYTES, frame -> frame.text().length());
    private volatile int maxRequestBody = DEFAULT_MAX_REQUEST_BODY;
    private volatile FakeResponse oversizedBody = FakeResponse.json(413, "{\"error\":\"request body too large\"}");
    private final List<WsSession> sessions = new CopyOnWriteArrayList<>();
    private final Set<Connection> openConnections = ConcurrentHashMap.newKeySet();
    /** Every accepted TCP channel until it closes: an HTTP keep-alive channel outlives its requests' connections. */
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final AtomicLong sessionIds = new AtomicLong();
    private final AtomicLong acceptedConnections = new AtomicLong();
    private DisposableServer server;

    private FakeVenueServer(Clock clock) {
        this.clock = clock;
    }

    /** Starts a server on 127.0.0.1 and an ephemeral port; recorded arrival times come from the system clock. */
    public static FakeVenueServer start() {
        return start(Clock.systemUTC());
    }

    /** Starts a server on 127.0.0.1 and an ephemeral port; recorded arrival times come from {@code clock}. */
    public static FakeVenueServer start(Clock clock) {
        FakeVenueServer fake = new FakeVenueServer(Objects.requireNonNull(clock, "clock"));
        fake.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .doOnConnection(fake::track)
                .handle(fake::dispatch)
                .bindNow(STOP_TIMEOUT);
        log.debug("fake venue listening on {}", fake.baseUrl());
        return fake;
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** {@code ws://127.0.0.1:<port><path>}. */
    public String wsUrl(String path) {
        return "ws://127.0.0.1:" + port() + path;
    }

    /**
     * The script of a REST route, created on first use. {@code path} is matched exactly against the request path
     * (query excluded); a trailing {@code *} makes it a prefix. The route scripted first wins when several match.
     */
    public RouteStub route(String method, String path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        for (RouteStub existing : routes) {
            if (existing.method().equalsIgnoreCase(method) && existing.path().equals(path)) {
                return existing;
            }
        }
        RouteStub stub = new RouteStub(method.toUpperCase(java.util.Locale.ROOT), path);
        routes.add(stub);
        return stub;
    }

    /** Serves a websocket endpoint at {@code path}; every new session runs {@code script}. Replaces an earlier one. */
    public FakeVenueServer websocket(String path, WsScript script) {
        websockets.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(script, "script"));
        return this;
    }

    /** The largest request body accepted from now on; a larger one is answered 413 and not kept. */
    public FakeVenueServer maxRequestBody(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
        this.maxRequestBody = bytes;
        return this;
    }

    /** The largest request body accepted. */
    public int maxRequestBody() {
        return maxRequestBody;
    }

    /** The answer to a request whose body is over the limit (a venue puts its own error body here). */
    public FakeVenueServer oversizedBodyAnswer(FakeResponse answer) {
        this.oversizedBody = Objects.requireNonNull(answer, "answer");
        return this;
    }

    /**
     * Keeps at most this many requests and this many request body bytes, and as many frames and frame
     * characters; the oldest go first.
     */
    public FakeVenueServer recordLimits(int capacity, long bodyBytes) {
        if (capacity <= 0 || bodyBytes < 0) {
            throw new IllegalArgumentException("capacity must be positive and bodyBytes not negative");
        }
        requests.limits(capacity, bodyBytes);
        frames.limits(capacity, bodyBytes);
        return this;
    }

    /** The body bytes the recorded requests hold now (bounded by {@link #recordLimits}). */
    public long recordedBodyBytes() {
        return requests.weight();
    }

    /** The newest requests received (websocket upgrades included), in arrival order; see {@link #recordLimits}. */
    public List<RecordedRequest> requests() {
        return requests.snapshot();
    }

    /** The requests received so far for this method and exact path. */
    public List<RecordedRequest> requests(String method, String path) {
        List<RecordedRequest> matching = new ArrayList<>();
        for (RecordedRequest request : requests) {
            if (request.method().equalsIgnoreCase(method) && request.path().equals(path)) {
                matching.add(request);
            }
        }
        return matching;
    }

    /** The newest websocket frames received from clients (text, binary, ping, pong, close), in arrival order. */
    public List<RecordedFrame> frames() {
        return frames.snapshot();
    }

    /** Every websocket session accepted so far, open or closed, in order. */
    public List<WsSession> sessions() {
        return List.copyOf(sessions);
    }

    /** The number of TCP connections open right now (HTTP and websocket alike). */
    public int openConnections() {
        return openConnections.size();
    }

    /** The number of TCP connections accepted since start. */
    public long acceptedConnections() {
        return acceptedConnections.get();
    }

    /** Forgets the recorded requests and frames (routes, endpoints and sessions stay). */
    public void clearRecords() {
        requests.clear();
        frames.clear();
    }

    /** Closes every open connection and the listening socket, without waiting. */
    public Mono<Void> stop() {
        openConnections.forEach(Connection::dispose);
        channels.forEach(Channel::close);
        server.dispose();
        return server.onDispose();
    }

    /** Closes every open connection and the listening socket and waits (a few seconds at most) until it is done. */
    @Override
    public void close() {
        openConnections.forEach(Connection::dispose);
        channels.forEach(Channel::close);
        server.disposeNow(STOP_TIMEOUT);
    }

    @Override
    public String toString() {
        return "FakeVenueServer[" + (server == null ? "unbound" : baseUrl()) + "]";
    }

    private void track(Connection connection) {
        openConnections.add(connection);
        connection.onDispose(() -> openConnections.remove(connection));
        Channel channel = connection.channel();
        // called for every request: a keep-alive channel is counted once, on its first
        if (channels.add(channel)) {
            acceptedConnections.incrementAndGet();
            channel.closeFuture().addListener(closed -> channels.remove(channel));
        }
    }

    private Publisher<Void> dispatch(HttpServerRequest request, HttpServerResponse response) {
        // isWebsocket() only turns true after the upgrade, so look at the handshake header
        if (request.requestHeaders().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            return upgrade(request, response);
        }
        int limit = maxRequestBody;
        return request.receive().asByteArray()
                .reduceWith(() -> new BodyBuffer(limit), BodyBuffer::append)
                .defaultIfEmpty(new BodyBuffer(limit))
                .flatMap(buffer -> {
                    if (buffer.overflowed()) {
                        record(request, new byte[0]);
                        return Mono.just(oversizedBody.withHeader("Connection", "close"));
                    }
                    RecordedRequest recorded = record(request, buffer.bytes());
                    RouteStub stub = findRoute(recorded.method(), recorded.path());
                    if (stub == null) {
                        return Mono.just(FakeResponse.json(404,
                                "{\"error\":\"no route for " + recorded.method() + " " + recorded.path() + "\"}"));
                    }
                    return stub.answer(recorded);
                })
                .flatMap(answer -> act(answer, response));
    }

    private Mono<Void> act(FakeResponse answer, HttpServerResponse response) {
        Mono<Void> untilClosed = Mono.create(sink -> response.withConnection(c -> c.onDispose(sink::success)));
        Mono<Void> action = Mono.defer(() -> {
            switch (answer.action()) {
                case RESET:
                    response.withConnection(c -> {
                        c.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                        c.channel().close();
                    });
                    return untilClosed;
                case STALL:
                    return untilClosed;
                case CUT_SHORT:
                    byte[] whole = answer.body();
                    response.status(HttpResponseStatus.valueOf(answer.statusCode()));
                    answer.headers().forEach(header -> response.addHeader(header.getKey(), header.getValue()));
                    response.header("Content-Length", Integer.toString(whole.length));
                    // the head as usual, then half the body straight to the channel, which closes once it is out
                    return response.sendHeaders().then()
                            .then(Mono.fromRunnable(() -> response.withConnection(c -> c.channel()
                                    .writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(whole, 0,
                                            whole.length / 2)))
                                    .addListener(ChannelFutureListener.CLOSE))))
                            .then(untilClosed);
                default:
                    byte[] body = answer.body();
                    response.status(HttpResponseStatus.valueOf(answer.statusCode()));
                    answer.headers().forEach(header -> response.addHeader(header.getKey(), header.getValue()));
                    response.header("Content-Length", Integer.toString(body.length));
                    return body.length == 0 ? response.send().then()
                            : response.sendByteArray(Mono.just(body)).then();
            }
        });
        if (answer.delay().isZero()) {
            return action;
        }
        // a client that gives up during the delay closes the connection: stop waiting then
        return Mono.delay(answer.delay()).then(action).takeUntilOther(untilClosed).then();
    }

    private Publisher<Void> upgrade(HttpServerRequest request, HttpServerResponse response) {
        RecordedRequest recorded = record(request, new byte[0]);
        WsScript script = websockets.get(recorded.path());
        if (script == null) {
            return response.status(404).send();
        }
        return response.sendWebsocket((in, out) -> {
            WsSession[] holder = new WsSession[1];
            in.withConnection(c -> holder[0] = new WsSession(sessionIds.incrementAndGet(), recorded.path(),
                    recorded, c.channel()));
            WsSession session = holder[0];
            sessions.add(session);
            Mono<Void> reading = in.receiveFrames()
                    .doOnNext(frame -> receive(session, frame))
                    .then();
            in.receiveCloseStatus().subscribe(status -> frames.add(new RecordedFrame(session.path(), session.id(),
                    RecordedFrame.Kind.CLOSE, status.code() + " " + status.reasonText(), clock.instant())),
                    error -> log.debug("no close status for session {}", session.id(), error));
            Mono<Void> scripted = Flux.from(script.run(session))
                    .onErrorResume(error -> {
                        log.warn("websocket script for {} failed; closing session {}", session.path(),
                                session.id(), error);
                        session.close(1011, "script failed");
                        return Mono.empty();
                    })
                    .then();
            return Mono.when(reading, scripted).then(session.onClose());
        }, WebsocketServerSpec.builder().handlePing(true).maxFramePayloadLength(16 * 1024 * 1024).build());
    }

    private void receive(WsSession session, WebSocketFrame frame) {
        Instant now = clock.instant();
        String payload = frame.content().toString(StandardCharsets.UTF_8);
        RecordedFrame.Kind kind;
        if (frame instanceof TextWebSocketFrame) {
            kind = RecordedFrame.Kind.TEXT;
        } else if (frame instanceof BinaryWebSocketFrame) {
            kind = RecordedFrame.Kind.BINARY;
        } else if (frame instanceof PingWebSocketFrame) {
            kind = RecordedFrame.Kind.PING;
        } else if (frame instanceof PongWebSocketFrame) {
            kind = RecordedFrame.Kind.PONG;
        } else {
            kind = RecordedFrame.Kind.CLOSE;
        }
        frames.add(new RecordedFrame(session.path(), session.id(), kind, payload, now));
        if (kind == RecordedFrame.Kind.TEXT) {
            session.received(payload);
        } else if (kind == RecordedFrame.Kind.PING) {
            session.receivedPing(ByteBufUtil.getBytes(frame.content()));
        }
    }

    private RecordedRequest record(HttpServerRequest request, byte[] body) {
        Instant arrival = clock.instant();
        String uri = request.uri();
        int queryStart = uri.indexOf('?');
        String rawQuery = queryStart < 0 ? "" : uri.substring(queryStart + 1);
        String path = queryStart < 0 ? uri : uri.substring(0, queryStart);
        Map<String, List<String>> query = new QueryStringDecoder(uri).parameters();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.requestHeaders().forEach(entry ->
                headers.computeIfAbsent(entry.getKey(), name -> new ArrayList<>()).add(entry.getValue()));
        RecordedRequest recorded = new RecordedRequest(request.method().name(), path, rawQuery, query, headers, body,
                arrival);
        requests.add(recorded);
        return recorded;
    }

    private RouteStub findRoute(String method, String path) {
        for (RouteStub stub : routes) {
            if (stub.matches(method, path)) {
                return stub;
            }
        }
        return null;
    }
}
