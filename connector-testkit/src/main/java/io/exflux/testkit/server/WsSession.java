package io.exflux.testkit.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One websocket connection accepted by a {@link FakeVenueServer}, as a script sees it. Sending is fire-and-forget
 * and thread-safe; frames go out in the order of the calls made from one thread.
 *
 * <p>Faults: {@link #drop()} (TCP reset, no close frame), {@link #dropAfterFrames(int)} (the connection dies after
 * N more outbound frames), {@link #stall()} (the server stops sending anything, pongs included, but keeps the
 * connection open), and {@link #send(String)} with any malformed text a test needs.
 */
public final class WsSession {

    private static final Duration EMIT_RETRY = Duration.ofSeconds(1);
    /** Inbound frames replayed to a late subscriber: bounded, so a long session keeps no history. */
    private static final int INBOUND_REPLAY = 1024;

    private final long id;
    private final String path;
    private final RecordedRequest upgradeRequest;
    private final Channel channel;
    private final Sinks.Many<String> inbound = Sinks.many().replay().limit(INBOUND_REPLAY);
    private final Sinks.Empty<Void> closed = Sinks.empty();
    private final AtomicBoolean stalled = new AtomicBoolean();
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final AtomicInteger framesBeforeDrop = new AtomicInteger(-1);
    private final AtomicInteger sent = new AtomicInteger();

    WsSession(long id, String path, RecordedRequest upgradeRequest, Channel channel) {
        this.id = id;
        this.path = path;
        this.upgradeRequest = upgradeRequest;
        this.channel = channel;
        channel.closeFuture().addListener(future -> markClosed());
    }

    /** The session number on this server, starting at 1. */
    public long id() {
        return id;
    }

    /** The endpoint path. */
    public String path() {
        return path;
    }

    /** The HTTP upgrade request that opened this session (headers, query). */
    public RecordedRequest upgradeRequest() {
        return upgradeRequest;
    }

    /** The text frames received from the client; a late subscriber first gets the last 1,024 of them. */
    public Flux<String> inbound() {
        return inbound.asFlux();
    }

    /** Completes when the connection is closed, by either side. */
    public Mono<Void> onClose() {
        return closed.asMono();
    }

    /** Whether the connection is still open. */
    public boolean isOpen() {
        return channel.isActive();
    }

    /** How many frames this session has sent to the client. */
    public int sentFrames() {
        return sent.get();
    }

    /** Sends a text frame (ignored once the session is stalled or closed). */
    public void send(String text) {
        write(new TextWebSocketFrame(text));
    }

    /** Sends a binary frame (ignored once the session is stalled or closed). */
    public void sendBinary(byte[] payload) {
        write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload.clone())));
    }

    /** Sends a ping frame. */
    public void ping() {
        write(new PingWebSocketFrame(Unpooled.EMPTY_BUFFER));
    }

    /** Sends a close frame with this status and reason, then closes the connection. */
    public void close(int statusCode, String reason) {
        channel.writeAndFlush(new CloseWebSocketFrame(statusCode, reason))
                .addListener(future -> channel.close());
    }

    /** Kills the connection at once with a TCP reset: no close frame, as when a venue's load balancer drops it. */
    public void drop() {
        dropped.set(true);
        channel.eventLoop().execute(() -> {
            channel.flush();
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            channel.close();
        });
    }

    /** Drops the connection (as {@link #drop()}) right after the next {@code frames} outbound frames. */
    public void dropAfterFrames(int frames) {
        if (frames <= 0) {
            drop();
            return;
        }
        framesBeforeDrop.set(frames);
    }

    /** Stops sending anything (frames and pongs alike) while keeping the connection open: a stalled venue. */
    public void stall() {
        stalled.set(true);
    }

    /** Whether {@link #stall()} was called. */
    public boolean isStalled() {
        return stalled.get();
    }

    void received(String text) {
        inbound.emitNext(text, Sinks.EmitFailureHandler.busyLooping(EMIT_RETRY));
    }

    void receivedPing(byte[] payload) {
        write(new PongWebSocketFrame(Unpooled.wrappedBuffer(payload)));
    }

    void markClosed() {
        inbound.tryEmitComplete();
        closed.tryEmitEmpty();
    }

    private void write(WebSocketFrame frame) {
        if (stalled.get() || dropped.get() || !channel.isActive()) {
            frame.release();
            return;
        }
        boolean counted = !(frame instanceof PongWebSocketFrame);
        if (counted) {
            sent.incrementAndGet();
        }
        channel.writeAndFlush(frame);
        if (counted && framesBeforeDrop.get() > 0 && framesBeforeDrop.decrementAndGet() == 0) {
            drop();
        }
    }

    @Override
    public String toString() {
        return "WsSession[" + id + " " + path + (isOpen() ? " open" : " closed") + "]";
    }
}
