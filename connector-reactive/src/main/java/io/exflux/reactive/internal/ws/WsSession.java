package io.exflux.reactive.internal.ws;

import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * One open websocket of a {@link ReconnectingSocket}: reads frames where they arrive (on the channel's event
 * loop, before reactor-netty releases them), runs the venue handshake, keeps the heartbeat, and hands
 * decoded messages to its socket for routing. Handshake state is confined to the event loop.
 */
final class WsSession<M> implements HandshakeSession, HeartbeatContext, FrameSink<M> {

    private static final Logger log = LoggerFactory.getLogger(WsSession.class);
    private static final Object FRAME_SEEN = new Object();

    private final ReconnectingSocket<M> socket;
    private final WebsocketInbound in;
    private final WebsocketOutbound out;
    private final Channel channel;
    /** Asked once: a dialect may build a new strategy on every call, and this is read per frame. */
    private final HeartbeatStrategy heartbeat;
    // Fed only from this channel's event loop, so the serialising wrapper (two atomics per frame) is skipped.
    private final Sinks.Many<String> textFrames = Sinks.unsafe().many().multicast().directBestEffort();
    private final Sinks.Many<Object> activity = Sinks.unsafe().many().multicast().directBestEffort();
    /** Topics subscribed on the wire during this session, so each is sent exactly once per session. */
    final Set<String> wireTopics = ConcurrentHashMap.newKeySet();
    /** Subscribe frames of this session awaiting the venue's answer (acknowledging venues only). */
    final PendingSubscriptions pending = new PendingSubscriptions();
    /** Errors when the venue refuses this session's authentication: the socket drops and reconnects. */
    private final Sinks.Empty<Void> refusedAuthentication = Sinks.empty();

    // Confined to the event loop.
    private boolean live;
    private boolean ended;
    private final ArrayDeque<String> handshakeFrames = new ArrayDeque<>();
    /** Read by the handshake but not its own: decoded first when the session goes live. */
    private final ArrayDeque<String> handedBack = new ArrayDeque<>();
    private MonoSink<String> handshakeWaiter;
    private String currentFrame;
    /** The frame being decoded from its bytes; valid only during the dialect's call. */
    private ByteBuf currentBytes;

    private volatile Handshake handshake = Handshake.NONE;
    private volatile WebSocketCloseStatus closeStatus;

    WsSession(ReconnectingSocket<M> socket, WebsocketInbound in, WebsocketOutbound out, Channel channel) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.channel = channel;
        this.heartbeat = socket.dialect().heartbeat();
    }

    /**
     * The session's life: completes when the server closes the socket, errors when the handshake,
     * authentication, resubscription or heartbeat fails. Either way the socket reconnects.
     */
    Mono<Void> run() {
        in.receiveCloseStatus().subscribe(status -> closeStatus = status, error -> { });
        Mono<Void> inbound = in.aggregateFrames(socket.options().maxFramePayloadLength())
                .receiveFrames()
                .doOnNext(this::onFrame)
                .then()
                .doFinally(signal -> channel.eventLoop().execute(this::end));
        Mono<Void> lifecycle = socket.dialect().handshake(this)
                .defaultIfEmpty(Handshake.NONE)
                .timeout(socket.options().handshakeTimeout(), Mono.error(() -> new ProtocolException(
                        "no handshake within " + socket.options().handshakeTimeout())), scheduler())
                .flatMap(negotiated -> goLive(negotiated)
                        .then(Mono.when(
                                Mono.defer(() -> heartbeat.run(this)).then(Mono.never()),
                                authenticate().then(Mono.when(
                                        Mono.defer(() -> socket.onSessionReady(this)),
                                        Mono.defer(this::sendOutboundFrames))))))
                .then(Mono.never());
        return Mono.firstWithSignal(inbound, lifecycle, refusedAuthentication.asMono());
    }

    /** Why the session ended, for the disconnect event, when the server closed it. */
    String closeReason() {
        WebSocketCloseStatus status = closeStatus;
        return status == null ? "closed by server" : "closed by server: " + status.code() + " " + status.reasonText();
    }

    /** Sends a close frame; the server's answer (or its close) ends the session. */
    Mono<Void> sendClose() {
        // built and written on the event loop, serialised with the server's own close handling (an idle
        // socket is closed from the grace timer, which may race the server closing it)
        return Mono.defer(() -> out.sendClose(WebSocketCloseStatus.NORMAL_CLOSURE.code(), "client closing"))
                .subscribeOn(Schedulers.fromExecutor(channel.eventLoop()));
    }

    Mono<Void> sendAll(List<String> frames) {
        return Flux.fromIterable(frames).concatMap(this::send).then();
    }

    // ---------------------------------------------------------------- inbound, on the event loop

    private void onFrame(WebSocketFrame frame) {
        Emitters.emit(activity, FRAME_SEEN);
        if (frame instanceof TextWebSocketFrame) {
            onText(frame.content());
        } else if (frame instanceof PingWebSocketFrame) {
            // handlePing is on so that pings count as activity; answering them is our job then.
            channel.writeAndFlush(new PongWebSocketFrame(frame.content().retainedDuplicate()));
        } else if (frame instanceof PongWebSocketFrame || frame instanceof CloseWebSocketFrame) {
            // activity only; reactor-netty completes the inbound on a close frame
        } else if (frame instanceof BinaryWebSocketFrame) {
            socket.malformed("binary frame where text is expected", null,
                    "<" + frame.content().readableBytes() + " bytes>");
        }
    }

    /**
     * A live session hands a text frame the dialect does not read as text to it as its bytes (reactor-netty releases
     * them after this call); frames the handshake or the heartbeat may read are made text first.
     */
    private void onText(ByteBuf utf8) {
        if (live && !socket.dialect().readsAsText(utf8)) {
            deliver(utf8);
        } else {
            onText(utf8.toString(StandardCharsets.UTF_8));
        }
    }

    private void onText(String text) {
        if (!live) {
            MonoSink<String> waiter = handshakeWaiter;
            if (waiter != null) {
                handshakeWaiter = null;
                waiter.success(text);
            } else {
                handshakeFrames.add(text);
            }
            return;
        }
        deliver(text);
    }

    private void deliver(String text) {
        Emitters.emit(textFrames, text);
        if (heartbeat.isHeartbeatFrame(text)) {
            return;
        }
        currentFrame = text;
        try {
            socket.dialect().decode(text, this);
        } catch (RuntimeException e) {
            socket.malformed("decoder failed: " + e, e, text);
        } finally {
            currentFrame = null;
        }
    }

    private void deliver(ByteBuf utf8) {
        currentBytes = utf8;
        try {
            socket.dialect().decode(utf8, this);
        } catch (RuntimeException e) {
            socket.malformed("decoder failed: " + e, e, utf8.toString(StandardCharsets.UTF_8));
        } finally {
            currentBytes = null;
        }
    }

    private Mono<Void> goLive(Handshake negotiated) {
        return Mono.create(sink -> channel.eventLoop().execute(() -> {
            handshake = negotiated;
            live = true;
            for (String early = handedBack.poll(); early != null; early = handedBack.poll()) {
                deliver(early);
            }
            for (String queued = handshakeFrames.poll(); queued != null; queued = handshakeFrames.poll()) {
                deliver(queued);
            }
            sink.success();
        }));
    }

    private void end() {
        ended = true;
        handshakeFrames.clear();
        handedBack.clear();
        MonoSink<String> waiter = handshakeWaiter;
        handshakeWaiter = null;
        if (waiter != null) {
            waiter.error(new ProtocolException("socket closed during the handshake"));
        }
        Emitters.complete(textFrames);
        Emitters.complete(activity);
    }

    /** The dialect's frames for this session (e.g. a renewed token), written in order while it lives. */
    private Mono<Void> sendOutboundFrames() {
        return socket.dialect().outboundFrames(this).concatMap(this::send).then();
    }

    /**
     * Sends the venue's authentication frames. A credential the venue's REST refuses (a permanent
     * exchange error, e.g. a wrong secret) fails this socket's topics before the session drops, so
     * private streams see it instead of a silent reconnect loop; a transient one only reconnects.
     */
    private Mono<Void> authenticate() {
        return Mono.defer(() -> socket.dialect().authenticate())
                .doOnError(ExchangeException.class, error -> {
                    if (!error.isTransient()) {
                        socket.authenticationRefused(this, error);
                    }
                })
                .flatMap(this::sendAll);
    }

    // ---------------------------------------------------------------- FrameSink

    @Override
    public void next(M message, String topic) {
        if (!socket.deliver(topic, message)) {
            socket.control(message);
        }
    }

    @Override
    public void next(M message, String topic, String alsoTopic) {
        boolean delivered = socket.deliver(topic, message);
        if (alsoTopic != null && !alsoTopic.equals(topic)) {
            delivered |= socket.deliver(alsoTopic, message);
        }
        if (!delivered) {
            socket.control(message);
        }
    }

    @Override
    public void control(M message) {
        socket.control(message);
    }

    @Override
    public Set<String> liveTopics() {
        return socket.topicsView();
    }

    @Override
    public void acknowledged(List<String> topics) {
        pending.acknowledged(topics);
    }

    @Override
    public void refused(String topic, Function<List<String>, ? extends ExchangeException> error) {
        List<String> refused = topic != null ? List.of(topic) : pending.refuseOldest();
        if (refused.isEmpty()) {
            log.warn("{}: the venue refused a subscription that none pending matches", socket.uri());
            return;
        }
        socket.refused(this, refused, error.apply(refused));
    }

    @Override
    public void authenticationRefused(ExchangeException error) {
        socket.authenticationRefused(this, error);
        refusedAuthentication.tryEmitError(error);
    }

    @Override
    public void malformed(String reason, Throwable cause) {
        ByteBuf bytes = currentBytes;
        socket.malformed(reason, cause, bytes != null ? bytes.toString(StandardCharsets.UTF_8) : currentFrame);
    }

    // ---------------------------------------------------------------- HandshakeSession & HeartbeatContext

    @Override
    public URI uri() {
        return socket.uri();
    }

    @Override
    public Mono<String> receive() {
        return Mono.create(sink -> channel.eventLoop().execute(() -> {
            String queued = handshakeFrames.poll();
            if (queued != null) {
                sink.success(queued);
            } else if (ended) {
                sink.error(new ProtocolException("socket closed during the handshake"));
            } else {
                handshakeWaiter = sink;
                sink.onCancel(() -> channel.eventLoop().execute(() -> {
                    if (handshakeWaiter == sink) {
                        handshakeWaiter = null;
                    }
                }));
            }
        }));
    }

    @Override
    public Mono<Void> send(String frame) {
        return write(() -> new TextWebSocketFrame(frame));
    }

    @Override
    public void handBack(String frame) {
        if (channel.eventLoop().inEventLoop()) {
            handBackOnLoop(frame);
        } else {
            channel.eventLoop().execute(() -> handBackOnLoop(frame));
        }
    }

    private void handBackOnLoop(String frame) {
        if (live) {
            deliver(frame);
        } else if (!ended) {
            handedBack.add(frame);
        }
    }

    @Override
    public Handshake handshake() {
        return handshake;
    }

    @Override
    public Scheduler scheduler() {
        return socket.scheduler();
    }

    @Override
    public Flux<String> textFrames() {
        return textFrames.asFlux();
    }

    @Override
    public Flux<Object> activity() {
        return activity.asFlux();
    }

    @Override
    public Mono<Void> sendText(String frame) {
        return send(frame);
    }

    @Override
    public Mono<Void> sendPing() {
        return write(() -> new PingWebSocketFrame(Unpooled.EMPTY_BUFFER));
    }

    /**
     * Creates and writes the frame on subscription only (an unsubscribed Mono allocates nothing); Netty
     * releases the frame once written or failed.
     */
    private Mono<Void> write(Supplier<WebSocketFrame> frame) {
        return Mono.create(sink -> {
            ChannelFuture future = channel.writeAndFlush(frame.get());
            future.addListener(done -> {
                if (done.isSuccess()) {
                    sink.success();
                } else {
                    sink.error(done.cause());
                }
            });
        });
    }
}
