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
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
 */
public final class V1StreamClient {

    private final V1Options options;
    private final StreamEndpoint<V1BookEvent> endpoint;
    private final OwnedResources resources;

    /** Sockets on the options' {@code ClientResources}, or on resources of its own when they name none. */
    public V1StreamClient(V1Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.resources = OwnedResources.of(options);
        EngineIoOptions transport = transport(options);
        this.endpoint = StreamEndpoint.create(transport.websocketUri(options.wsUrl()),
                new EngineIoDialect<>(transport, V1Events.router(), new V1Events(options.dialect().venue())),
                options.streamOptions(), resources.resources());
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

    /** The socket address, e.g. {@code wss://bitexbit.com/socket.io/?EIO=3&transport=websocket}. */
    public URI uri() {
        return endpoint.uri();
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
        return endpoint.topic(V1Events.bookChannel(pair), StreamKind.OTHER)
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
        return endpoint.topic(V1Events.bookChannel(pair), StreamKind.TRADES)
                .ofType(V1BookEvent.NewOrder.class)
                .filter(event -> !event.trades().isEmpty())
                .map(event -> event.pair() == null ? event.withPair(pair) : event);
    }

    /** Connection state of the sockets. Hot; drops on backpressure. */
    public Flux<ConnectionEvent> events() {
        return endpoint.events();
    }

    /** Frames that could not be read and were skipped. */
    public long malformedFrames() {
        return endpoint.malformedFrames();
    }

    /** Closes the sockets, then the resources this client created for itself; completes when released. */
    public Mono<Void> close() {
        return endpoint.close().then(resources.close());
    }
}
