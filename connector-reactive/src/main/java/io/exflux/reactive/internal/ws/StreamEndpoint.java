package io.exflux.reactive.internal.ws;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.StreamKind;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.internal.metrics.EngineMetrics;
import io.exflux.reactive.internal.resources.SharedResources;

import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.api.stream.OverflowPolicy;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * A resilient, hot websocket stream to one venue endpoint, shared by every subscriber of its topics.
 *
 * <ul>
 *   <li>Topics are reference-counted: the first subscriber of {@link #topic} subscribes on the wire,
 *       the last one to leave unsubscribes after {@link StreamOptions#unsubscribeGrace()}.</li>
 *   <li>Past the venue's {@link StreamDialect#maxTopicsPerConnection() topic limit} another socket to
 *       the same endpoint is opened. A socket opens when its first topic arrives; when its last topic
 *       is unsubscribed (after the grace period) it is closed with a close frame, leaves the pool and
 *       does not reconnect; a later subscription opens a new one.</li>
 *   <li>A socket that fails or is closed by the server reconnects after a {@link Backoff} (the stream
 *       options' own, else the resources' reconnect backoff),
 *       redoes the venue handshake and authentication and resubscribes its topics; subscribers see no
 *       error, only the gap (watch {@link #events()}). A socket silent for
 *       {@link StreamOptions#stallTimeout()} (it is pinged at half of it) is declared stale and reconnected the
 *       same way.</li>
 *   <li>A socket that never connected fails its topics' subscribers with
 *       {@link io.exflux.api.error.ExchangeUnavailableException} after {@link StreamOptions#maxConnectAttempts()}
 *       failed attempts in a row, and leaves the pool: a later subscriber tries again on a new socket.</li>
 *   <li>A venue may write frames of its own on every live socket (e.g. a renewed token) through
 *       {@link StreamDialect#outboundFrames}.</li>
 *   <li>Every subscriber gets its own {@link OverflowPolicy} after the shared hot flux: a slow one never
 *       slows the socket or the other subscribers of the same topic.</li>
 *   <li>A message reaches every live topic the dialect names for it (a pair's topic and its wildcard
 *       both get it), once per topic.</li>
 *   <li>A subscription the venue refuses fails that topic's subscribers with the dialect's typed error
 *       (an error frame that names no topic answers the oldest subscribe frame still pending, when the
 *       venue {@link StreamDialect#acknowledgesSubscriptions() acknowledges}); a refused authentication
 *       fails every topic of its socket. A failed topic stays usable: its next subscriber subscribes again.</li>
 *   <li>A malformed frame is logged, counted ({@link #malformedFrames()}) and skipped.</li>
 * </ul>
 *
 * <p>Sockets run on the {@link ClientResources}' event loops (with their HTTP client customizer), and every
 * timer and timestamp on the resources' scheduler and clock.
 *
 * <p>Messages are delivered on the socket's event loop: subscribers that do slow work should move it
 * elsewhere ({@code publishOn}) or accept their overflow policy's consequences.
 *
 * @param <M> the venue message type
 */
public final class StreamEndpoint<M> {

    private final URI uri;
    private final StreamDialect<M> dialect;
    private final StreamOptions options;
    private final SharedResources resources;
    private final Backoff backoff;
    private final HttpClient httpClient;
    private final WebsocketClientSpec websocketSpec;

    /** Live topics by name; changed under {@code this}, read lock-free by the routing hot path. */
    private final ConcurrentHashMap<String, TopicChannel<M>> topics = new ConcurrentHashMap<>();
    private final List<ReconnectingSocket<M>> sockets = new ArrayList<>();
    /** Every socket's events, each with the socket it happened on ({@code null}: the whole endpoint). */
    private final SerializedSink<SocketEvent> events = new SerializedSink<>();
    private final SerializedSink<M> control = new SerializedSink<>();
    private final LongAdder malformed = new LongAdder();
    private final EngineMetrics metrics;
    /** The endpoint's tag in the meters: scheme, host, port and path, never user info or query. */
    private final String meterName;
    /** Removes this endpoint's gauges once it is closed. */
    private final Runnable gauges;
    private boolean closed;
    private Mono<Void> closing;
    /** Numbers sockets for the logs; never reused, as idle sockets leave the pool. */
    private int socketsOpened;

    private StreamEndpoint(URI uri, StreamDialect<M> dialect, StreamOptions options, SharedResources resources) {
        this.uri = uri;
        this.dialect = dialect;
        this.options = options;
        this.resources = resources;
        this.backoff = options.backoff().orElse(resources.reconnectBackoff());
        this.httpClient = resources.websocketHttpClient();
        this.websocketSpec = WebsocketClientSpec.builder()
                .maxFramePayloadLength(options.maxFramePayloadLength())
                .handlePing(true)
                .build();
        this.metrics = resources.metrics();
        this.meterName = ReconnectingSocket.shown(uri);
        this.gauges = metrics.streamOpened(meterName, this::socketCount, topics::size);
    }

    /**
     * A stream to {@code uri} ({@code ws://} or {@code wss://}) speaking {@code dialect}, on reactor-netty's global
     * event loops, {@code Schedulers.parallel()} and the default reconnect backoff: for tests and tools. Clients use
     * {@link #create(URI, StreamDialect, StreamOptions, ClientResources)}.
     */
    public static <M> StreamEndpoint<M> create(URI uri, StreamDialect<M> dialect, StreamOptions options) {
        return create(uri, dialect, options, ClientResources.builder()
                .loopResources(HttpResources.get()).connectionProvider(HttpResources.get()).build());
    }

    /**
     * A stream to {@code uri} ({@code ws://} or {@code wss://}) speaking {@code dialect}, on the resources' event
     * loops, HTTP client customizer (TLS, proxy), scheduler, clock and reconnect backoff. Nothing connects before the
     * first topic subscription.
     */
    public static <M> StreamEndpoint<M> create(URI uri, StreamDialect<M> dialect, StreamOptions options,
                                                 ClientResources resources) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(resources, "resources");
        String scheme = uri.getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("a websocket URI needs ws:// or wss://: " + uri);
        }
        return new StreamEndpoint<>(uri, dialect, options, SharedResources.of(resources));
    }

    /** The messages of {@code topic}, with the default overflow policy of its kind (see {@link StreamOptions}). */
    public Flux<M> topic(String topic, StreamKind kind) {
        if (kind == null) {
            return Flux.error(new InvalidRequestException("stream kind is required"));
        }
        return topic(topic, options.overflowPolicy(kind));
    }

    /**
     * The messages of {@code topic} with an explicit overflow policy. For
     * {@link OverflowPolicy.Kind#BUFFER_THEN_RESYNC} use {@link #topic(String, OverflowPolicy, Supplier)}.
     * Completes when the connection is closed; cancelling releases the topic.
     */
    public Flux<M> topic(String topic, OverflowPolicy policy) {
        if (policy != null && policy.kind() == OverflowPolicy.Kind.BUFFER_THEN_RESYNC) {
            return Flux.error(new InvalidRequestException(
                    "a resync overflow policy needs a resync marker: use topic(topic, policy, marker)"));
        }
        return topic(topic, policy, null);
    }

    /**
     * The messages of {@code topic}; under {@link OverflowPolicy.Kind#BUFFER_THEN_RESYNC}, when this
     * subscriber falls behind by more than the capacity, it first receives what its buffer held, then
     * {@code resyncMarker}: the messages between are lost and everything after the marker is newer than
     * the gap, so the subscriber rebuilds its state from a fresh snapshot. Under
     * {@link OverflowPolicy.Kind#BUFFER_THEN_FAIL} the subscriber receives its buffer, then a
     * {@link io.exflux.api.error.StreamOverflowException}. The marker is ignored by the other policies.
     *
     * <p>Hot and shared; never completes while subscribed unless the endpoint closes. Errors with the
     * dialect's typed exception when the venue refuses the topic (e.g. an unknown market) or this
     * socket's authentication (e.g. {@link io.exflux.api.error.AuthenticationException}); the topic stays
     * usable and a later subscriber asks the venue again. Connection losses are not errors: the socket
     * reconnects and resubscribes. An endpoint that could never be reached errors with
     * {@link io.exflux.api.error.ExchangeUnavailableException} after {@link StreamOptions#maxConnectAttempts()}
     * attempts in a row.
     */
    public Flux<M> topic(String topic, OverflowPolicy policy, Supplier<? extends M> resyncMarker) {
        if (topic == null || topic.isEmpty()) {
            return Flux.error(new InvalidRequestException("topic is required"));
        }
        if (policy == null) {
            return Flux.error(new InvalidRequestException("overflow policy is required"));
        }
        if (policy.kind() == OverflowPolicy.Kind.BUFFER_THEN_RESYNC && resyncMarker == null) {
            return Flux.error(new InvalidRequestException("a resync overflow policy needs a resync marker"));
        }
        return Flux.using(() -> acquire(topic),
                acquired -> OverflowStage.apply(listeningThenStarting(acquired), topic, policy, resyncMarker,
                        () -> metrics.overflow(meterName, topic)),
                acquired -> release(acquired.channel()));
    }

    /**
     * The topic's shared flux, subscribed first; the wire subscription (and, for a new socket, the connect) starts
     * only once this subscriber listens on the topic, so a message that arrives at once (a frame a handshake handed
     * back, a venue that pushes on connect) cannot beat the subscriber. The subscriber is handed to the shared flux
     * itself: no operator stands between them per message. Starting only schedules work; it does not throw.
     */
    private static <M> Flux<M> listeningThenStarting(Acquired<M> acquired) {
        Flux<M> shared = acquired.channel().flux();
        Runnable start = acquired.startOnWire();
        return Flux.from(subscriber -> {
            shared.subscribe(subscriber);
            start.run();
        });
    }

    /** A connection event and the socket it happened on, {@code null} for the endpoint's own (closed). */
    private record SocketEvent(ReconnectingSocket<?> socket, ConnectionEvent event) { }

    /** A topic taken by one subscriber, and what puts it on the wire if this subscriber is its first. */
    private record Acquired<M>(TopicChannel<M> channel, Runnable startOnWire) { }

    /**
     * Connection state changes of every socket of this stream: connecting, connected (after handshake,
     * authentication and resubscription), disconnected with the reason, reconnecting with the attempt
     * and delay, closed. Hot; a subscriber without demand misses events (drop on backpressure).
     */
    public Flux<ConnectionEvent> events() {
        return events.asFlux().map(SocketEvent::event).onBackpressureDrop();
    }

    /**
     * The connection events that concern {@code topics}: those of the sockets carrying any of them when the
     * event happens, and the endpoint's {@code Closed}. What re-seeds or back-fills a topic after a reconnect
     * listens here, not to {@link #events()}: another socket of the pool going away (e.g. closed once idle)
     * says nothing about these topics, and its {@code Disconnected} with no {@code Connected} after it would
     * hold their streams forever. Hot; a subscriber without demand misses events (drop on backpressure).
     */
    public Flux<ConnectionEvent> events(Collection<String> topics) {
        Set<String> names = Set.copyOf(topics);
        return events.asFlux()
                .filter(sourced -> sourced.socket() == null || carriesAny(sourced.socket(), names))
                .map(SocketEvent::event)
                .onBackpressureDrop();
    }

    private boolean carriesAny(ReconnectingSocket<?> socket, Set<String> names) {
        for (String name : names) {
            TopicChannel<M> channel = topics.get(name);
            if (channel != null && channel.socket == socket) {
                return true;
            }
        }
        return false;
    }

    /** Decoded messages that belong to no topic (acks, venue errors, welcomes). Hot, best effort. */
    public Flux<M> controlMessages() {
        return control.asFlux();
    }

    /** How many frames were malformed and skipped since this stream was created. */
    public long malformedFrames() {
        return malformed.sum();
    }

    /** How many sockets this stream has open or reconnecting now (idle ones are closed, see the class doc). */
    public synchronized int socketCount() {
        return sockets.size();
    }

    /** The topics currently subscribed (or within their unsubscribe grace period). */
    public Set<String> liveTopics() {
        return Set.copyOf(topics.keySet());
    }

    /**
     * Unsubscribes and subscribes again one live topic on its socket, leaving its subscribers attached
     * (for venues that resync a book by subscribing again). Cold: nothing is sent before subscription.
     * Completes when both frames are written, at once when the topic's socket is between sessions (the
     * next session subscribes it anyway). Errors with {@link InvalidRequestException} when the topic is
     * not live on this endpoint.
     */
    public Mono<Void> resubscribe(String topic) {
        return Mono.defer(() -> {
            TopicChannel<M> channel = topic == null ? null : topics.get(topic);
            if (channel == null) {
                return Mono.error(new InvalidRequestException("cannot resubscribe " + topic + ": not a live topic of "
                        + uri));
            }
            return channel.socket.resubscribe(topic);
        });
    }

    /** The endpoint. */
    public URI uri() {
        return uri;
    }

    /**
     * Closes every socket with a close frame, stops reconnecting, completes every topic subscriber and
     * the event flux. Starts at once (no need to subscribe); the returned {@code Mono} completes when
     * everything is released. Idempotent.
     */
    public Mono<Void> close() {
        List<ReconnectingSocket<M>> toClose;
        List<TopicChannel<M>> toComplete;
        synchronized (this) {
            if (closing != null) {
                return closing;
            }
            closed = true;
            toClose = List.copyOf(sockets);
            toComplete = List.copyOf(topics.values());
            for (TopicChannel<M> channel : toComplete) {
                if (channel.pendingUnsubscribe != null) {
                    channel.pendingUnsubscribe.dispose();
                    channel.pendingUnsubscribe = null;
                }
            }
            Mono<Void> work = Flux.fromIterable(toClose)
                    .flatMap(ReconnectingSocket::close)
                    .then(Mono.fromRunnable(() -> {
                        topics.clear();
                        toComplete.forEach(TopicChannel::complete);
                        publish(null, new ConnectionEvent.Closed(uri, now()));
                        events.complete();
                        control.complete();
                        gauges.run();
                    }))
                    .then()
                    .cache();
            closing = work;
        }
        closing.subscribe();
        return closing;
    }

    // ---------------------------------------------------------------- topic reference counting

    private Acquired<M> acquire(String topic) {
        TopicChannel<M> channel;
        ReconnectingSocket<M> newSocket = null;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("stream to " + uri + " is closed");
            }
            channel = topics.get(topic);
            if (channel == null) {
                channel = new TopicChannel<>(topic, metrics.topicMessages(meterName, topic));
                ReconnectingSocket<M> socket = socketWithRoom();
                if (socket == null) {
                    socket = new ReconnectingSocket<>(this, socketsOpened++);
                    sockets.add(socket);
                    newSocket = socket;
                }
                socket.topics.add(topic);
                channel.socket = socket;
                topics.put(topic, channel);
            }
            channel.references++;
            if (channel.pendingUnsubscribe != null) {
                channel.pendingUnsubscribe.dispose();
                channel.pendingUnsubscribe = null;
            }
        }
        TopicChannel<M> acquired = channel;
        ReconnectingSocket<M> toStart = newSocket;
        if (toStart != null) {
            return new Acquired<>(acquired, toStart::start);
        }
        // Every subscriber asks: a no-op while the topic is on the wire, a new subscription after a refusal.
        return new Acquired<>(acquired, () -> acquired.socket.subscribeOnWire(topic));
    }

    private ReconnectingSocket<M> socketWithRoom() {
        int limit = Math.max(1, dialect.maxTopicsPerConnection());
        for (ReconnectingSocket<M> socket : sockets) {
            if (socket.topics.size() < limit) {
                return socket;
            }
        }
        return null;
    }

    private void release(TopicChannel<M> channel) {
        boolean expireNow = false;
        synchronized (this) {
            channel.references--;
            if (channel.references > 0 || closed) {
                return;
            }
            if (options.unsubscribeGrace().isZero()) {
                expireNow = true;
            } else {
                channel.pendingUnsubscribe = resources.scheduler().schedule(() -> expire(channel),
                        options.unsubscribeGrace().toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        if (expireNow) {
            expire(channel);
        }
    }

    private void expire(TopicChannel<M> channel) {
        ReconnectingSocket<M> idle = null;
        synchronized (this) {
            if (channel.references > 0 || closed || topics.get(channel.name) != channel) {
                return;
            }
            channel.pendingUnsubscribe = null;
            topics.remove(channel.name);
            ReconnectingSocket<M> socket = channel.socket;
            socket.topics.remove(channel.name);
            if (socket.topics.isEmpty()) {
                // out of the pool under the lock, so a concurrent acquire opens a new socket instead
                sockets.remove(socket);
                idle = socket;
            }
        }
        channel.socket.unsubscribeOnWire(channel.name);
        channel.complete();
        if (idle != null) {
            // never errors; no reconnect follows, the next subscription opens a new socket
            idle.close().subscribe();
        }
    }

    // ---------------------------------------------------------------- called by sockets

    /**
     * Publishes a message {@code socket} received to {@code topic} if that socket carries the topic: one lookup per
     * message, the channel's socket answering for the socket's topic set (both change together under this lock).
     *
     * @return whether {@code socket} carries {@code topic}
     */
    boolean deliver(ReconnectingSocket<M> socket, String topic, M message) {
        TopicChannel<M> channel = topics.get(topic);
        if (channel != null && channel.socket == socket) {
            channel.publish(message);
            return true;
        }
        // not this socket's, or a topic going away (closing, expired): the socket's own set answers, as it always did
        return socket.topics.contains(topic);
    }

    /**
     * Fails the subscribers of those of {@code names} that {@code socket} carries now; each topic stays
     * live (its next subscriber reuses it).
     */
    void fail(ReconnectingSocket<M> socket, Collection<String> names, Throwable error) {
        for (String name : names) {
            TopicChannel<M> channel = topics.get(name);
            if (channel != null && channel.socket == socket) {
                channel.fail(error);
            }
        }
    }

    /**
     * {@code socket} gave up connecting: it leaves the pool with its topics, whose subscribers fail with
     * {@code error}. A later subscriber of any of them opens a new socket.
     */
    void unreachable(ReconnectingSocket<M> socket, Throwable error) {
        List<TopicChannel<M>> failing = new ArrayList<>();
        synchronized (this) {
            sockets.remove(socket);
            for (String name : List.copyOf(socket.topics)) {
                TopicChannel<M> channel = topics.get(name);
                if (channel != null && channel.socket == socket) {
                    topics.remove(name);
                    if (channel.pendingUnsubscribe != null) {
                        channel.pendingUnsubscribe.dispose();
                        channel.pendingUnsubscribe = null;
                    }
                    failing.add(channel);
                }
            }
            socket.topics.clear();
        }
        failing.forEach(channel -> channel.fail(error));
    }

    void control(M message) {
        control.next(message);
    }

    /** Publishes an event of {@code socket} ({@code null}: of the whole endpoint). */
    void publish(ReconnectingSocket<M> socket, ConnectionEvent event) {
        events.next(new SocketEvent(socket, event));
    }

    void countMalformed() {
        malformed.increment();
        metrics.malformedFrame(meterName);
    }

    void countReconnect() {
        metrics.reconnect(meterName);
    }

    Instant now() {
        return resources.clock().instant();
    }

    Scheduler scheduler() {
        return resources.scheduler();
    }

    /** The reconnect backoff formula; each socket takes its own {@link Backoff#sequence()}. */
    Backoff backoff() {
        return backoff;
    }

    StreamDialect<M> dialect() {
        return dialect;
    }

    StreamOptions options() {
        return options;
    }

    HttpClient httpClient() {
        return httpClient;
    }

    WebsocketClientSpec websocketSpec() {
        return websocketSpec;
    }
}
