package io.exflux.reactive.internal.ws;

import io.exflux.reactive.config.StreamOptions;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a venue supplies to a {@link StreamEndpoint}: how to read its frames, keep its socket alive,
 * greet it, authenticate and (un)subscribe. The engine owns everything else (connect, reconnect with
 * backoff, resubscription, topic reference counting, extra connections past the topic limit, overflow).
 *
 * <p>Implementations are stateless or thread-safe: one dialect serves every connection of an endpoint,
 * and its methods are called on Netty event-loop threads, so none of them may block.
 *
 * @param <M> the venue message type a frame decodes to
 */
public interface StreamDialect<M> {

    /**
     * Decodes one inbound text frame into zero or more messages and names the topics of each, in one
     * pass, synchronously (the frame is only valid during this call): {@link FrameSink#next(Object, String)}
     * for data (a message may belong to several live topics, e.g. a pair's topic and its wildcard),
     * {@link FrameSink#control} for acks and welcomes, {@link FrameSink#acknowledged},
     * {@link FrameSink#refused} and {@link FrameSink#authenticationRefused} for the venue's answers to
     * subscriptions and authentication. The engine builds no venue error itself: the dialect supplies the
     * typed exception.
     *
     * <p>Reports a frame it cannot read through {@link FrameSink#malformed}; a thrown exception is treated
     * the same way. Neither kills the stream: the engine logs and counts it and reads the next frame.
     */
    void decode(String frame, FrameSink<M> sink);

    /**
     * {@link #decode(String, FrameSink)} of a text frame given as its UTF-8 bytes (the websocket frame's content),
     * for the frames the engine does not need as text (those {@link #readsAsText} refuses). The buffer is
     * the engine's and valid only during this call: read it without moving its indexes, and neither retain nor
     * release it. Default: decodes the frame's text, for dialects that read text.
     */
    default void decode(ByteBuf utf8, FrameSink<M> sink) {
        decode(utf8.toString(StandardCharsets.UTF_8), sink);
    }

    /**
     * The longest inbound text frame, in UTF-8 bytes, that this dialect's {@link #heartbeat()} and
     * {@link #outboundFrames} read as text ({@link HeartbeatContext#textFrames()},
     * {@link HeartbeatStrategy#isHeartbeatFrame}). Longer frames are neither made a {@code String} for them nor
     * shown to them: they go straight to {@link #decode(ByteBuf, FrameSink)}. Default: every frame is read as
     * text and decoded with {@link #decode(String, FrameSink)}.
     */
    default int longestTextFrameRead() {
        return Integer.MAX_VALUE;
    }

    /**
     * Whether a live connection's inbound text frame, given as its UTF-8 bytes, is made a {@code String} (seen by
     * {@link HeartbeatContext#textFrames()} and decoded with {@link #decode(String, FrameSink)}) rather than handed
     * to {@link #decode(ByteBuf, FrameSink)}. Called on the event loop for every frame: decide from a few bytes.
     * Default: the frames up to {@link #longestTextFrameRead()} bytes.
     */
    default boolean readsAsText(ByteBuf utf8) {
        return utf8.readableBytes() <= longestTextFrameRead();
    }

    /**
     * Whether the venue answers every subscribe frame, in order, with an ack
     * ({@link FrameSink#acknowledged}) or an error. Only then does the engine remember the subscribe
     * frames awaiting an answer on each connection, so an error frame that names no topic fails the one
     * it answers (the oldest). Default {@code false}: a refusal must name its topic.
     */
    default boolean acknowledgesSubscriptions() {
        return false;
    }

    /**
     * The frames that subscribe a batch of topics. The batch never has more than
     * {@link #maxTopicsPerFrame()} topics. Usually one frame, e.g. {@code ["subscribe","t1","t2"]}.
     */
    List<String> subscribeFrames(List<String> topics);

    /** The frames that unsubscribe a batch of at most {@link #maxTopicsPerFrame()} topics. */
    List<String> unsubscribeFrames(List<String> topics);

    /** How many topics one (un)subscribe frame may carry; unlimited by default. */
    default int maxTopicsPerFrame() {
        return Integer.MAX_VALUE;
    }

    /**
     * How many topics one connection may carry (ALP 20, BTSE 100); past it the engine opens another
     * connection to the same endpoint instead of failing. Unlimited by default.
     */
    default int maxTopicsPerConnection() {
        return Integer.MAX_VALUE;
    }

    /**
     * Runs right after the socket opens, before authentication and subscription, on every connect and
     * reconnect: read the greeting (engine.io open packet, ALP welcome), send what the protocol needs
     * (socket.io namespace connect) and report negotiated keepalive timings. Frames read through the
     * session are not decoded again. The engine bounds it with {@link StreamOptions#handshakeTimeout()}.
     * Default: no handshake.
     */
    default Mono<Handshake> handshake(HandshakeSession session) {
        return Mono.just(Handshake.NONE);
    }

    /**
     * The frames that authenticate the connection (e.g. ALP {@code ["auth","<jwt>"]}), sent after the
     * handshake and before any subscription, re-evaluated on every reconnect (subscribe lazily, so a
     * fresh token is fetched each time). Empty for public streams, which is the default.
     */
    default Mono<List<String>> authenticate() {
        return Mono.just(List.of());
    }

    /**
     * Frames this venue sends on a live connection outside the handshake, authentication and
     * (un)subscription moments, e.g. ALP re-sends {@code ["auth", jwt]} whenever its JWT is renewed.
     * Called once per session of every socket of the connection, right after authentication; the engine
     * writes each emitted frame on that socket, in order, until the socket closes (then it cancels).
     * An error drops the socket, which reconnects and authenticates afresh. Default: none.
     *
     * @param session the live socket: its scheduler for every timer, its inbound frames for answers
     */
    default Flux<String> outboundFrames(HeartbeatContext session) {
        return Flux.empty();
    }

    /** How this venue keeps the socket alive and detects a dead one. */
    HeartbeatStrategy heartbeat();
}
