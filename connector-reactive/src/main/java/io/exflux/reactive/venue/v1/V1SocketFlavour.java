package io.exflux.reactive.venue.v1;

/** How book events ride on the socket: bare engine.io messages, or socket.io events over engine.io. */
public enum V1SocketFlavour {
    /** {@code 4<json>} messages, no namespace (BTC-Alpha's document says "engine.io"). */
    ENGINE_IO,
    /** {@code 42["event",...]} packets on the main namespace (bitexbit's document says socket.io). */
    SOCKET_IO
}
