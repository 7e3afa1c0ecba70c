package io.exflux.reactive.internal.engineio;

import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ProtocolException;

/**
 * engine.io packets over a websocket, as pure functions over strings: one packet per text frame,
 * {@code <type digit>[<data>]}, identical in protocol 3 and 4 (the versions differ only on
 * long-polling payloads, which exflux does not speak).
 */
public final class EngineIoCodec {

    private EngineIoCodec() {
    }

    /**
     * Reads one websocket text frame.
     *
     * @throws ProtocolException when the frame is empty or does not start with a known packet type
     */
    public static EnginePacket decode(String frame) {
        if (frame == null || frame.isEmpty()) {
            throw malformed("empty engine.io frame", frame);
        }
        EnginePacketType type = EnginePacketType.ofDigit(frame.charAt(0));
        if (type == null) {
            throw malformed("unknown engine.io packet type '" + frame.charAt(0) + "'", frame);
        }
        return new EnginePacket(type, frame.substring(1));
    }

    /** The websocket text frame of a packet. */
    public static String encode(EnginePacket packet) {
        String data = packet.data();
        if (data.isEmpty()) {
            return String.valueOf(packet.type().digit());
        }
        return new StringBuilder(data.length() + 1).append(packet.type().digit()).append(data).toString();
    }

    static ProtocolException malformed(String what, String frame) {
        return new ProtocolException(what, new ErrorContext(null, 0, null, frame));
    }
}
