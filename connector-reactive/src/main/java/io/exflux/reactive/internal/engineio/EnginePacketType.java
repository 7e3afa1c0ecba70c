package io.exflux.reactive.internal.engineio;

/** The engine.io packet types; the same digits in protocol 3 and 4. */
public enum EnginePacketType {
    /** {@code 0{json}}: the handshake, server to client. */
    OPEN,
    /** {@code 1}: close the transport. */
    CLOSE,
    /** {@code 2} or {@code 2probe}: heartbeat or upgrade probe. */
    PING,
    /** {@code 3} or {@code 3probe}: heartbeat or probe answer. */
    PONG,
    /** {@code 4<payload>}: application data; socket.io packets ride here. */
    MESSAGE,
    /** {@code 5}: completes a polling to websocket upgrade. */
    UPGRADE,
    /** {@code 6}: flushes a pending poll during an upgrade. */
    NOOP;

    private static final EnginePacketType[] BY_DIGIT = values();

    /** The digit that starts the packet on the wire. */
    public char digit() {
        return (char) ('0' + ordinal());
    }

    /** The type for a wire digit, or {@code null} when the character is not one. */
    static EnginePacketType ofDigit(char digit) {
        int index = digit - '0';
        return index >= 0 && index < BY_DIGIT.length ? BY_DIGIT[index] : null;
    }
}
