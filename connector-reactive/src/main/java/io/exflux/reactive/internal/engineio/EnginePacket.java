package io.exflux.reactive.internal.engineio;

import java.util.Objects;

/**
 * One engine.io packet as carried by one websocket text frame.
 *
 * @param type the packet type
 * @param data what follows the type digit; empty when there is nothing
 */
public record EnginePacket(EnginePacketType type, String data) {

    private static final EnginePacket PING = new EnginePacket(EnginePacketType.PING, "");
    private static final EnginePacket PONG = new EnginePacket(EnginePacketType.PONG, "");
    private static final EnginePacket CLOSE = new EnginePacket(EnginePacketType.CLOSE, "");

    public EnginePacket {
        Objects.requireNonNull(type, "type");
        data = data == null ? "" : data;
    }

    /** A heartbeat ping ({@code 2}). */
    public static EnginePacket ping() {
        return PING;
    }

    /** A heartbeat pong ({@code 3}). */
    public static EnginePacket pong() {
        return PONG;
    }

    /** A close packet ({@code 1}). */
    public static EnginePacket close() {
        return CLOSE;
    }

    /** A message packet ({@code 4<data>}). */
    public static EnginePacket message(String data) {
        return new EnginePacket(EnginePacketType.MESSAGE, data);
    }

    /** The frame text: the type digit followed by the data. */
    public String encode() {
        return EngineIoCodec.encode(this);
    }
}
