package io.exflux.reactive.internal.ws;

import java.net.URI;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** One connection, as seen by its {@link HeartbeatStrategy}. */
public interface HeartbeatContext {

    /** The endpoint of this connection. */
    URI uri();

    /** What the handshake negotiated ({@link Handshake#NONE} when nothing). */
    Handshake handshake();

    /** The scheduler every heartbeat timer must use (virtual time in tests). */
    Scheduler scheduler();

    /**
     * Every inbound text frame of this connection after the handshake, heartbeat frames included, that the
     * dialect reads as text ({@link StreamDialect#readsAsText}: every frame by default). Hot: frames before the
     * subscription are not replayed. Completes when the connection closes.
     */
    Flux<String> textFrames();

    /**
     * One signal per inbound frame of any kind (text, binary, ping, pong): proof of life. Hot; completes
     * when the connection closes.
     */
    Flux<Object> activity();

    /** Sends a text frame (e.g. {@code ping}, {@code 2}). */
    Mono<Void> sendText(String frame);

    /** Sends a websocket protocol ping frame; the peer's pong shows up on {@link #activity()}. */
    Mono<Void> sendPing();
}
