package io.exflux.reactive.internal.engineio;

/** Which layer carries the application data inside engine.io messages. */
public enum Framing {

    /** socket.io packets inside engine.io messages: {@code 42["event",...]}, with a namespace handshake. */
    SOCKET_IO,

    /**
     * Bare engine.io: the application JSON is the message itself ({@code 4<json>}), no namespace.
     * BTC-Alpha's document describes its socket as "engine.io".
     */
    ENGINE_IO
}
