package io.exflux.reactive.venue.v1;

import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.internal.resources.OwnedResources;
import io.exflux.reactive.config.StreamKind;
import io.exflux.reactive.internal.engineio.EngineIoDialect;
import io.exflux.reactive.internal.engineio.EngineIoOptions;
import io.exflux.reactive.internal.engineio.EngineIoVersion;
import io.exflux.reactive.internal.engineio.Framing;
import io.exflux.reactive.internal.ws.StreamEndpoint;
import io.exflux.reactive.venue.v1.internal.V1Events;
import io.exflux.reactive.venue.v1.internal.V1OrderChecks;
import io.exflux.reactive.venue.v1.model.V1BookEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The v1 order-book socket, venue-typed: the {@code book_<PAIR>} channels and their two documented events, a new
 * order (with the trades it made) and a cancelled order. BTC-Alpha's socket is bare engine.io by default and
 * bitexbit's socket.io ({@link V1Options#socketFlavour()}); engine.io 3 by default (the client pings every
 * {@code pingInterval}), 4 selectable (the server pings, the client answers). Channels are subscribed by emitting
 * {@code ["subscribe","book_<PAIR>"]} ({@link V1Options#subscribeEvent()}); the sockets have no authentication.
 *
 * <p>Streams are hot and shared per channel, reconnect with the resources' backoff and resubscribe on their own,
 * and never complete while subscribed. Backpressure: book events are changes, none may be dropped, so both streams
 * buffer (the options' {@code StreamOptions}: {@code OTHER} for book events, {@code TRADES} for trades) and then
 * fail the subscriber that fell behind with {@code StreamOverflowException}. A payload that does not fit is counted
 * in {@link #malformedFrames()} and skipped.
 *
 * <p>Connections: socket.io events carry their channel's name, so one socket serves every channel. BTC-Alpha's bare
 * engine.io new-order payload names neither channel nor pair, so an event can only be told apart by the socket it
 * came on: there each channel has a socket of its own ({@link #events(String)} are that socket's events).
 */
public final class V1StreamClient {

    /** One socket endpoint and its latest connection event. */
    private static final class Socket {
        final StreamEndpoint<V1BookEvent> endpoint;
        final AtomicReference<ConnectionEvent> state = new AtomicReference<>();
        Disposable watch;

        Socket(StreamEndpoint<V1BookEvent> endpoint) {
            this.endpoint = endpoint;
        }
    }

    private final V1Options options;
    private final EngineIoOptions transport;
    private final OwnedResources resources;
    /** The one socket of every channel, or {@code null} when each channel has its own (bare engine.io). */
    private final Socket shared;
    private final Map<String, Socket> perChannel = new ConcurrentHashMap<>();
    private final Sinks.Many<ConnectionEvent> allEvents = Sinks.many().multicast().directBestEffort();
    private boolean closed;

    /** Sockets on the options' {@code ClientResources}, or on resources of its own when they name none. */
    public V1StreamClient(V1Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.resources = OwnedResources.of(options);
        this.transport = transport(options);
        this.shared = options.socketFlavour() == V1SocketFlavour.ENGINE_IO ? null : open();
    }

    /** The engine.io settings the options name. */
    static EngineIoOptions transport(V1Options options) {
        return EngineIoOptions.builder()
                .path(options.socketPath())
                .version(options.engineIoVersion() == 4 ? EngineIoVersion.V4 : EngineIoVersion.V3)
                .framing(options.socketFlavour() == V1SocketFlavour.ENGINE_IO ? Framing.ENGINE_IO : Framing.SOCKET_IO)
                .subscribeEvent(options.subscribeEvent())
                .build();
    }

    private Socket open() {
        Socket socket = new Socket(StreamEndpoint.create(transport.websocketUri(options.wsUrl()),
                new EngineIoDialect<>(transport, V1Events.router(), new V1Events(options.dialect().venue())),
                options.streamOptions(), resources.resources()));
        socket.watch = socket.endpoint.events().subscribe(event -> {
            socket.state.set(event);
            // sockets report on their own threads: one emitter at a time
            synchronized (allEvents) {
                allEvents.tryEmitNext(event);
            }
        });
        return socket;
    }

    /** The socket carrying a channel: the shared one, or the channel's own (made at its first use). */
    private Socket socketOf(String channel) {
        if (shared != null) {
            return shared;
        }
        synchronized (perChannel) {
            return closed ? null : perChannel.computeIfAbsent(channel, c -> open());
        }
    }

    /** The socket address, e.g. {@code wss://bitexbit.com/socket.io/?EIO=3&transport=websocket}. */
    public URI uri() {
        return transport.websocketUri(options.wsUrl());
    }

    /**
     * The events of {@code book_<pair>}, each carrying the pair (the channel's when the payload names none). Fails
     * with {@link InvalidRequestException} for a name that is not a pair.
     */
    public Flux<V1BookEvent> book(String pair) {
        String problem = V1OrderChecks.pairProblem(pair);
        if (problem != null) {
            return Flux.error(() -> new InvalidRequestException("book: " + problem,
                    ErrorContext.local(options.dialect().venue())));
        }
        return channel(pair, StreamKind.OTHER)
                .map(event -> event.pair() == null ? event.withPair(pair) : event);
    }

    /**
     * The new-order events of {@code book_<pair>} that made trades: the ones to read trades from. Trades buffer and
     * fail a subscriber that falls behind.
     */
    public Flux<V1BookEvent.NewOrder> trades(String pair) {
        String problem = V1OrderChecks.pairProblem(pair);
        if (problem != null) {
            return Flux.error(() -> new InvalidRequestException("trades: " + problem,
                    ErrorContext.local(options.dialect().venue())));
        }
        return channel(pair, StreamKind.TRADES)
                .ofType(V1BookEvent.NewOrder.class)
                .filter(event -> !event.trades().isEmpty())
                .map(event -> event.pair() == null ? event.withPair(pair) : event);
    }

    private Flux<V1BookEvent> channel(String pair, StreamKind kind) {
        return Flux.defer(() -> {
            String channel = V1Events.bookChannel(pair);
            Socket socket = socketOf(channel);
            return socket == null ? Flux.empty() : socket.endpoint.topic(channel, kind);
        });
    }

    /** Connection state of every socket. Hot; drops on backpressure. */
    public Flux<ConnectionEvent> events() {
        return allEvents.asFlux().onBackpressureDrop();
    }

    /**
     * Connection state of the socket carrying {@code book_<pair>} while it carries it: a {@code Connected} means that
     * channel is subscribed again. Another socket of the endpoint going away (closed once idle after its channels
     * were stopped) is not here. Hot; drops on backpressure.
     */
    public Flux<ConnectionEvent> events(String pair) {
        String channel = V1Events.bookChannel(pair);
        Socket socket = socketOf(channel);
        return socket == null ? Flux.empty() : socket.endpoint.events(List.of(channel));
    }

    /** Completes at once while the socket of {@code book_<pair>} is connected (channels subscribed), else at its next connect. */
    public Mono<Void> subscribed(String pair) {
        Socket socket = socketOf(V1Events.bookChannel(pair));
        if (socket == null) {
            return Mono.never();
        }
        Mono<Void> nextConnect = events(pair).filter(e -> e instanceof ConnectionEvent.Connected).next().then();
        Mono<Void> connectedNow = Mono.defer(() -> socket.state.get() instanceof ConnectionEvent.Connected
                ? Mono.<Void>empty() : Mono.<Void>never());
        // the next connect is listened for before the state is read, so that no connect falls between the two
        return Mono.firstWithSignal(nextConnect, connectedNow);
    }

    /** Frames that could not be read and were skipped. */
    public long malformedFrames() {
        return sockets().stream().mapToLong(socket -> socket.endpoint.malformedFrames()).sum();
    }

    private List<Socket> sockets() {
        if (shared != null) {
            return List.of(shared);
        }
        synchronized (perChannel) {
            return new ArrayList<>(perChannel.values());
        }
    }

    /** Closes the sockets, then the resources this client created for itself; completes when released. */
    public Mono<Void> close() {
        return Mono.defer(() -> {
            List<Socket> sockets;
            synchronized (perChannel) {
                closed = true;
                sockets = shared != null ? List.of(shared) : new ArrayList<>(perChannel.values());
            }
            return Mono.when(sockets.stream().map(socket -> socket.endpoint.close()).toList())
                    .doFinally(signal -> {
                        sockets.forEach(socket -> socket.watch.dispose());
                        synchronized (allEvents) {
                            allEvents.tryEmitComplete();
                        }
                    });
        }).then(resources.close());
    }
}
