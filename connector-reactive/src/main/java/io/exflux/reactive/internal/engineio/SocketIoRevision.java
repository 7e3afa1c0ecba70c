package io.exflux.reactive.internal.engineio;

/** The socket.io protocol revision; it decides how a namespace is joined and how errors look. */
public enum SocketIoRevision {

    /**
     * Revision 4 (socket.io 1.x and 2.x, on engine.io 3): the server joins the client to the main
     * namespace unsolicited ({@code 40}); errors are JSON strings.
     */
    V4,

    /**
     * Revision 5 (socket.io 3.x and 4.x, on engine.io 4): the client sends {@code 40} (with an optional
     * auth object) and waits for {@code 40{"sid":...}}; errors are objects with a {@code message}.
     */
    V5;

    /** True when the client must send CONNECT itself before the namespace is usable. */
    public boolean clientConnects() {
        return this == V5;
    }
}
