package io.exflux.reactive.internal.engineio;

/** The socket.io packet types, the digit after engine.io's message digit {@code 4}. */
public enum SocketIoPacketType {
    /** {@code 0}: join a namespace (client, revision 5) or confirm it (server). */
    CONNECT,
    /** {@code 1}: leave a namespace. */
    DISCONNECT,
    /** {@code 2}: an event, a JSON array whose first element is the event name. */
    EVENT,
    /** {@code 3}: the answer to an event that carried an ack id. */
    ACK,
    /** {@code 4}: the namespace refused the connection (revision 4 calls it ERROR). */
    CONNECT_ERROR,
    /** {@code 5}: an event with binary attachments in the frames that follow. */
    BINARY_EVENT,
    /** {@code 6}: an ack with binary attachments in the frames that follow. */
    BINARY_ACK;

    private static final SocketIoPacketType[] BY_DIGIT = values();

    /** The digit that starts the packet. */
    public char digit() {
        return (char) ('0' + ordinal());
    }

    /** True for the two types that announce binary attachments. */
    public boolean isBinary() {
        return this == BINARY_EVENT || this == BINARY_ACK;
    }

    static SocketIoPacketType ofDigit(char digit) {
        int index = digit - '0';
        return index >= 0 && index < BY_DIGIT.length ? BY_DIGIT[index] : null;
    }
}
