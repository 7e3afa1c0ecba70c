package io.exflux.reactive.internal.ws;

import java.net.URI;
import reactor.core.publisher.Mono;

/** The freshly opened socket, as seen by {@link StreamDialect#handshake}. */
public interface HandshakeSession {

    /** The endpoint of this connection. */
    URI uri();

    /**
     * The next inbound text frame not yet read by the handshake (frames that arrive before anyone asks
     * are queued). The frame is consumed: it is not decoded as a message. Errors if the socket closes.
     */
    Mono<String> receive();

    /** Sends one text frame; completes when it is written. */
    Mono<Void> send(String frame);

    /**
     * Gives back a frame that {@link #receive()} returned but that is not part of the handshake (an
     * application message the venue sent early). The engine decodes and routes it like any other frame
     * once the session is live, before every frame received after it, so nothing is dropped and the
     * order is kept. Frames handed back on a socket that closes before going live are discarded with it.
     */
    void handBack(String frame);
}
