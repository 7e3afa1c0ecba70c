package io.exflux.reactive.internal.engineio;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.ProtocolException;

/**
 * socket.io packets as pure functions over strings (the payload of an engine.io message, without its
 * {@code 4}). Decoding checks what the reference parser checks: a known type, a terminated
 * attachment count and namespace, a numeric ack id, and a payload whose shape fits the type.
 */
public final class SocketIoCodec {

    private SocketIoCodec() {
    }

    /**
     * Reads one socket.io packet.
     *
     * @throws ProtocolException when the text is not a valid packet
     */
    public static SocketIoPacket decode(String text) {
        if (text == null || text.isEmpty()) {
            throw EngineIoCodec.malformed("empty socket.io packet", text);
        }
        SocketIoPacketType type = SocketIoPacketType.ofDigit(text.charAt(0));
        if (type == null) {
            throw EngineIoCodec.malformed("unknown socket.io packet type '" + text.charAt(0) + "'", text);
        }
        int i = 1;
        int attachments = 0;
        if (type.isBinary()) {
            int dash = text.indexOf('-', i);
            if (dash < 0 || dash == i || !allDigits(text, i, dash) || dash - i > 9) {
                throw EngineIoCodec.malformed("socket.io binary packet without a valid attachment count", text);
            }
            attachments = Integer.parseInt(text, i, dash, 10);
            i = dash + 1;
        }
        String namespace = SocketIoPacket.MAIN_NAMESPACE;
        if (i < text.length() && text.charAt(i) == '/') {
            int comma = text.indexOf(',', i);
            int end = comma < 0 ? text.length() : comma;
            namespace = text.substring(i, end);
            i = comma < 0 ? end : comma + 1;
        }
        int idStart = i;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        long ackId = SocketIoPacket.NO_ACK;
        if (i > idStart) {
            if (i - idStart > 18) {
                throw EngineIoCodec.malformed("socket.io ack id too long", text);
            }
            ackId = Long.parseLong(text, idStart, i, 10);
        }
        JsonNode data = i < text.length() ? StrictJson.read(text.substring(i), "socket.io payload") : null;
        SocketIoPacket packet = new SocketIoPacket(type, namespace, attachments, ackId, data);
        checkShape(packet, text);
        return packet;
    }

    /** The text of a packet, without engine.io's {@code 4}. */
    public static String encode(SocketIoPacket packet) {
        StringBuilder out = new StringBuilder(32).append(packet.type().digit());
        if (packet.type().isBinary()) {
            out.append(packet.attachments()).append('-');
        }
        if (!SocketIoPacket.MAIN_NAMESPACE.equals(packet.namespace())) {
            out.append(packet.namespace()).append(',');
        }
        if (packet.hasAckId()) {
            out.append(packet.ackId());
        }
        if (packet.hasData()) {
            out.append(StrictJson.write(packet.data()));
        }
        return out.toString();
    }

    private static void checkShape(SocketIoPacket packet, String text) {
        JsonNode data = packet.data();
        switch (packet.type()) {
            case CONNECT:
                if (packet.hasData() && !data.isObject()) {
                    throw EngineIoCodec.malformed("socket.io CONNECT payload is not an object", text);
                }
                break;
            case DISCONNECT:
                if (packet.hasData()) {
                    throw EngineIoCodec.malformed("socket.io DISCONNECT carries a payload", text);
                }
                break;
            case CONNECT_ERROR:
                if (!data.isObject() && !data.isTextual()) {
                    throw EngineIoCodec.malformed("socket.io CONNECT_ERROR payload is neither object nor string", text);
                }
                break;
            case EVENT:
            case BINARY_EVENT:
                if (!data.isArray() || data.isEmpty() || !data.get(0).isTextual()) {
                    throw EngineIoCodec.malformed("socket.io EVENT payload is not an array starting with a name", text);
                }
                break;
            case ACK:
            case BINARY_ACK:
                if (!data.isArray() || !packet.hasAckId()) {
                    throw EngineIoCodec.malformed("socket.io ACK needs an ack id and an array payload", text);
                }
                break;
            default:
                throw new IllegalStateException("unhandled socket.io type " + packet.type());
        }
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
