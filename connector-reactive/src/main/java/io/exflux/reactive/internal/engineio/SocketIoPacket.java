package io.exflux.reactive.internal.engineio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One socket.io packet: {@code <type>[<attachments>-][<namespace>,][<ack id>][<JSON payload>]}.
 *
 * @param type        the packet type
 * @param namespace   the namespace, {@code "/"} for the main one
 * @param attachments how many binary frames follow (binary types only, else {@code 0})
 * @param ackId       the ack id, or {@link #NO_ACK}
 * @param data        the JSON payload, or a {@link MissingNode} when the packet has none
 */
public record SocketIoPacket(SocketIoPacketType type, String namespace, int attachments, long ackId, JsonNode data) {

    /** The {@link #ackId()} of a packet without one. */
    public static final long NO_ACK = -1;

    /** The main namespace. */
    public static final String MAIN_NAMESPACE = "/";

    public SocketIoPacket {
        Objects.requireNonNull(type, "type");
        namespace = namespace == null || namespace.isEmpty() ? MAIN_NAMESPACE : namespace;
        if (!namespace.startsWith("/")) {
            throw new IllegalArgumentException("a namespace starts with '/': " + namespace);
        }
        if (attachments < 0 || (attachments > 0 && !type.isBinary())) {
            throw new IllegalArgumentException("attachments only on binary packets: " + attachments);
        }
        if (ackId < NO_ACK) {
            throw new IllegalArgumentException("ack id must be >= 0: " + ackId);
        }
        data = data == null ? MissingNode.getInstance() : data;
    }

    /** CONNECT to a namespace, with an auth object (revision 5) or without ({@code null}). */
    public static SocketIoPacket connect(String namespace, JsonNode auth) {
        return new SocketIoPacket(SocketIoPacketType.CONNECT, namespace, 0, NO_ACK, auth);
    }

    /** DISCONNECT from a namespace. */
    public static SocketIoPacket disconnect(String namespace) {
        return new SocketIoPacket(SocketIoPacketType.DISCONNECT, namespace, 0, NO_ACK, null);
    }

    /** An EVENT {@code [name, args...]}, with an ack id or {@link #NO_ACK}. */
    public static SocketIoPacket event(String namespace, long ackId, String name, List<? extends JsonNode> args) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(args.size() + 1);
        array.add(Objects.requireNonNull(name, "name"));
        array.addAll(List.copyOf(args));
        return new SocketIoPacket(SocketIoPacketType.EVENT, namespace, 0, ackId, array);
    }

    /** An ACK answering the event with {@code ackId}. */
    public static SocketIoPacket ack(String namespace, long ackId, List<? extends JsonNode> args) {
        if (ackId < 0) {
            throw new IllegalArgumentException("an ack needs an ack id");
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode(args.size());
        array.addAll(List.copyOf(args));
        return new SocketIoPacket(SocketIoPacketType.ACK, namespace, 0, ackId, array);
    }

    /** True when the packet carries an ack id. */
    public boolean hasAckId() {
        return ackId != NO_ACK;
    }

    /** True when the packet carries a JSON payload. */
    public boolean hasData() {
        return !data.isMissingNode();
    }

    /** The event name of an EVENT or BINARY_EVENT, else {@code null}. */
    public String eventName() {
        return isEvent() ? data.get(0).asText() : null;
    }

    /**
     * The arguments: of an event, the array after its name; of an ack, the whole array; else empty.
     */
    public List<JsonNode> arguments() {
        if (!data.isArray()) {
            return List.of();
        }
        List<JsonNode> args = new ArrayList<>(data.size());
        for (int i = isEvent() ? 1 : 0; i < data.size(); i++) {
            args.add(data.get(i));
        }
        return List.copyOf(args);
    }

    /**
     * The human text of a CONNECT_ERROR: the {@code message} of a revision 5 object, the string of a
     * revision 4 error, else the payload's JSON; {@code null} for other types.
     */
    public String errorMessage() {
        if (type != SocketIoPacketType.CONNECT_ERROR) {
            return null;
        }
        if (data.isTextual()) {
            return data.asText();
        }
        JsonNode message = data.get("message");
        if (message != null && message.isTextual()) {
            return message.asText();
        }
        return data.isMissingNode() ? "" : data.toString();
    }

    /** The frame text without engine.io's {@code 4}. */
    public String encode() {
        return SocketIoCodec.encode(this);
    }

    private boolean isEvent() {
        return type == SocketIoPacketType.EVENT || type == SocketIoPacketType.BINARY_EVENT;
    }
}
