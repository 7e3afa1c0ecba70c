package io.exflux.reactive.transport.ws;

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
}
