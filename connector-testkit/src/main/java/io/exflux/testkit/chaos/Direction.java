package io.exflux.testkit.chaos;

/** Which way through the proxy a fault acts on. */
public enum Direction {
    /** Bytes the client sends to the server. */
    CLIENT_TO_SERVER,
    /** Bytes the server sends to the client. */
    SERVER_TO_CLIENT,
    /** Both ways. */
    BOTH;

    boolean covers(Direction way) {
        return this == BOTH || this == way;
    }
}
