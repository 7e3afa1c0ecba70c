package io.exflux.reactive.internal.engineio;

/**
 * The engine.io protocol version, sent as the {@code EIO} query parameter. It decides who pings
 * whom: the reference server closes a session whose heartbeat goes the wrong way.
 */
public enum EngineIoVersion {

    /** engine.io 3 (socket.io 1.x and 2.x): the client pings every {@code pingInterval}, the server answers. */
    V3(3, SocketIoRevision.V4),

    /** engine.io 4 (socket.io 3.x and 4.x): the server pings, the client answers at once and never pings. */
    V4(4, SocketIoRevision.V5);

    private final int number;
    private final SocketIoRevision socketIoRevision;

    EngineIoVersion(int number, SocketIoRevision socketIoRevision) {
        this.number = number;
        this.socketIoRevision = socketIoRevision;
    }

    /** The value of the {@code EIO} query parameter. */
    public int number() {
        return number;
    }

    /** The socket.io protocol revision that rides on this engine.io version. */
    public SocketIoRevision socketIoRevision() {
        return socketIoRevision;
    }

    /** True when the client sends {@code 2} on a timer (engine.io 3); false when it only answers pings. */
    public boolean clientPings() {
        return this == V3;
    }
}
