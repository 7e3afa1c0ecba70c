package io.exflux.reactive.internal.engineio;

import io.exflux.api.error.ExchangeException;
import io.exflux.reactive.internal.ws.FrameSink;
import io.exflux.reactive.internal.ws.Handshake;
import io.exflux.reactive.internal.ws.HandshakeSession;
import io.exflux.reactive.internal.ws.HeartbeatContext;
import io.exflux.reactive.internal.ws.HeartbeatStrategy;
import io.exflux.reactive.internal.ws.Heartbeats;
import io.exflux.reactive.internal.ws.StaleConnectionException;
import io.exflux.reactive.internal.ws.StreamDialect;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * engine.io / socket.io as a {@link StreamDialect} of the websocket engine: the handshake reads the
 * open packet and joins the namespace, the heartbeat pings (engine.io 3) or answers pings (engine.io
 * 4) and watches {@code pingInterval + pingTimeout}, topics are subscribed by emitting the venue's
 * subscribe event, and each event is routed to its channel by the venue's {@link ChannelRouter} and
 * decoded once, on the event loop, by the venue's {@link EventCodec}. Event frames the codec reads hot
 * ({@link EventCodec#read}) are read without a JSON tree ({@link EventFrames}); every other frame goes
 * through the session's tree reading.
 *
 * <p>Acks and session ends are control messages when the codec gives them a record. Events the server
 * sends before the namespace is joined are handed back to the engine and delivered once the session is
 * live, in order. Stateless and thread-safe: one instance serves every connection of an endpoint.
 *
 * @param <M> the venue's message type
 */
public final class EngineIoDialect<M> implements StreamDialect<M> {

    /** Used only when the open packet could not say (it always does): socket.io's own defaults. */
    static final Duration FALLBACK_PING_INTERVAL = Duration.ofSeconds(25);
    static final Duration FALLBACK_PING_TIMEOUT = Duration.ofSeconds(20);

    private final EngineIoOptions options;
    private final ChannelRouter router;
    private final EventCodec<M> codec;
    private final EventFrames<M> hotEvents;
    private final EngineIoSession frames;
    private final HeartbeatStrategy heartbeat;

    /**
     * @param options the transport settings (path, version, framing, namespace, subscribe event)
     * @param router  which channel an event belongs to (venue knowledge)
     * @param codec   the venue's record for each event
     */
    public EngineIoDialect(EngineIoOptions options, ChannelRouter router, EventCodec<M> codec) {
        this.options = Objects.requireNonNull(options, "options");
        this.router = Objects.requireNonNull(router, "router");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.hotEvents = new EventFrames<>(options, router, codec);
        this.frames = EngineIoSession.ready(options);
        HeartbeatStrategy keepAlive = options.version().clientPings()
                ? Heartbeats.clientTextPing("2", "3", FALLBACK_PING_INTERVAL, FALLBACK_PING_TIMEOUT)
                : Heartbeats.answerText("2", "3");
        this.heartbeat = keepAlive
                .and(Heartbeats.idle(FALLBACK_PING_INTERVAL.plus(FALLBACK_PING_TIMEOUT)))
                .and(this::failWhenServerEndsSession);
    }

    /** The options this dialect speaks. */
    public EngineIoOptions options() {
        return options;
    }

    @Override
    public Mono<Handshake> handshake(HandshakeSession session) {
        return Mono.defer(() -> {
            EngineIoSession state = new EngineIoSession(options);
            return untilReady(state, session).then(Mono.fromSupplier(() -> new Handshake(
                    state.handshake().pingInterval(), state.handshake().pingTimeout())));
        });
    }

    @Override
    public void decode(String frame, FrameSink<M> sink) {
        if (!hotEvents.read(frame, sink)) {
            decodeTree(frame, sink);
        }
    }

    /**
     * An event frame straight from its bytes (no {@code String}; a heap buffer read in place); a frame the hot
     * path leaves to the tree is made text for it.
     */
    @Override
    public void decode(ByteBuf utf8, FrameSink<M> sink) {
        if (!hotEvents.read(utf8, sink)) {
            decodeTree(utf8.toString(StandardCharsets.UTF_8), sink);
        }
    }

    /**
     * Only event frames ({@code 42[...} on socket.io, {@code 4{...}} or {@code 4[...]} on bare engine.io) come as
     * bytes: every frame the heartbeat reads (pings, pongs, the server ending the session) is none of them.
     */
    @Override
    public boolean readsAsText(ByteBuf utf8) {
        return !hotEvents.isEventFrame(utf8);
    }

    /** A frame read as a tree: handshake and session signals, acks, and the events the hot path declines. */
    private void decodeTree(String frame, FrameSink<M> sink) {
        for (SessionSignal signal : EngineIoSession.ready(options).onFrame(frame).signals()) {
            if (signal instanceof SessionSignal.Malformed malformed) {
                sink.malformed(malformed.error().getMessage(), malformed.error());
            } else if (signal instanceof SessionSignal.Event event) {
                deliver(event, sink);
            } else {
                M control = codec.control(signal);
                if (control != null) {
                    sink.control(control);
                }
            }
        }
    }

    /** Routes on the raw event, decodes it once; an unreadable payload is a malformed frame, not a dead stream. */
    private void deliver(SessionSignal.Event event, FrameSink<M> sink) {
        String channel = router.route(event.name(), event.arguments(), sink.liveTopics()).orElse(null);
        M message;
        try {
            message = codec.decode(event);
        } catch (RuntimeException e) {
            sink.malformed("event " + event.name() + " cannot be decoded: " + e.getMessage(), e);
            return;
        }
        if (message == null) {
            return;
        }
        if (channel == null) {
            sink.control(message);
        } else {
            sink.next(message, channel);
        }
    }

    @Override
    public List<String> subscribeFrames(List<String> topics) {
        List<String> out = new ArrayList<>(topics.size());
        for (String topic : topics) {
            out.add(frames.subscribeFrame(topic));
        }
        return out;
    }

    @Override
    public List<String> unsubscribeFrames(List<String> topics) {
        List<String> out = new ArrayList<>(topics.size());
        for (String topic : topics) {
            out.add(frames.unsubscribeFrame(topic));
        }
        return out;
    }

    @Override
    public HeartbeatStrategy heartbeat() {
        return heartbeat;
    }

    /** Feeds inbound frames to the session, sending its replies, until the namespace is joined. */
    private Mono<Void> untilReady(EngineIoSession state, HandshakeSession session) {
        return session.receive().flatMap(frame -> {
            SessionStep step = state.onFrame(frame);
            boolean ready = false;
            boolean application = false;
            for (SessionSignal signal : step.signals()) {
                if (signal instanceof SessionSignal.Closed closed) {
                    return Mono.error(closed.error() != null ? closed.error()
                            : new ExchangeException("the server ended the session during the handshake: " + closed.reason()));
                } else if (signal instanceof SessionSignal.Malformed malformed && state.handshake() == null) {
                    return Mono.error(malformed.error());
                } else if (signal instanceof SessionSignal.Ready) {
                    ready = true;
                } else if (!(signal instanceof SessionSignal.Opened)) {
                    application = true;
                }
            }
            if (application) {
                // an event (or unreadable frame) sent before the namespace is joined: decoded once live
                session.handBack(frame);
            }
            Mono<Void> replies = Flux.fromIterable(step.replies()).concatMap(session::send).then();
            return ready ? replies : replies.then(Mono.defer(() -> untilReady(state, session)));
        });
    }

    /**
     * The server may end the session without closing the socket (engine.io {@code 1}, socket.io
     * {@code 41} or {@code 44} on our namespace): treat it as a dead connection so the engine reconnects.
     */
    private Mono<Void> failWhenServerEndsSession(HeartbeatContext context) {
        return context.textFrames()
                .filter(frame -> frame.startsWith("1") || frame.startsWith("41") || frame.startsWith("44"))
                .filter(frame -> EngineIoSession.ready(options).onFrame(frame).signals().stream()
                        .anyMatch(SessionSignal.Closed.class::isInstance))
                .next()
                .flatMap(frame -> Mono.<Void>error(new StaleConnectionException("the server ended the engine.io session")))
                .then(Mono.never());
    }
}
