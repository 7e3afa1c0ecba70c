package io.exflux.reactive.internal.engineio;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ProtocolException;
import java.util.ArrayList;
import java.util.List;

/**
 * One engine.io / socket.io session over one websocket, as a pure state machine: it reads inbound
 * frames and says what to answer and what happened, and writes outbound frames; it owns no socket and
 * no timer. Not thread-safe: feed it from the connection's single inbound thread. A new websocket
 * needs a new session.
 */
public final class EngineIoSession {

    /** Where the session stands. */
    public enum State {
        /** Waiting for the server's open packet. */
        AWAITING_OPEN,
        /** Open; waiting for the namespace CONNECT answer (socket.io only). */
        AWAITING_NAMESPACE,
        /** Ready for subscriptions and events. */
        READY,
        /** The server ended the session. */
        CLOSED
    }

    private final EngineIoOptions options;
    private State state;
    private OpenHandshake handshake;
    private long nextAckId;

    /** A session waiting for the server's open packet. */
    public EngineIoSession(EngineIoOptions options) {
        this(options, State.AWAITING_OPEN);
    }

    private EngineIoSession(EngineIoOptions options, State state) {
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.state = state;
    }

    /**
     * A session already past its handshake: reads the application frames of a connection whose
     * handshake ran elsewhere, and writes frames.
     */
    public static EngineIoSession ready(EngineIoOptions options) {
        return new EngineIoSession(options, State.READY);
    }

    public State state() {
        return state;
    }

    /** The open packet's content, or {@code null} before it arrived. */
    public OpenHandshake handshake() {
        return handshake;
    }

    /** Reads one inbound websocket text frame. Never throws on bad input: see {@link SessionSignal.Malformed}. */
    public SessionStep onFrame(String frame) {
        EnginePacket packet;
        try {
            packet = EngineIoCodec.decode(frame);
        } catch (ProtocolException e) {
            return SessionStep.signal(new SessionSignal.Malformed(e));
        }
        switch (packet.type()) {
            case OPEN:
                return onOpen(packet);
            case PING:
                // engine.io 4: the server pings and we answer at once, echoing any data ("probe").
                // engine.io 3: the server never pings; a pong from a v3 client is a protocol error.
                return options.version().clientPings() ? SessionStep.NOTHING
                        : SessionStep.reply(new EnginePacket(EnginePacketType.PONG, packet.data()).encode());
            case PONG:
            case NOOP:
            case UPGRADE:
                return SessionStep.NOTHING;
            case CLOSE:
                state = State.CLOSED;
                return SessionStep.signal(new SessionSignal.Closed("engine.io close packet", null));
            case MESSAGE:
                if (state == State.AWAITING_OPEN) {
                    return malformed("engine.io message before the open packet", frame);
                }
                return options.framing() == Framing.SOCKET_IO ? onSocketIo(packet.data(), frame) : onBareMessage(packet.data());
            default:
                throw new IllegalStateException("unhandled engine.io type " + packet.type());
        }
    }

    /** The client heartbeat {@code 2}; only engine.io 3 clients ping. */
    public String pingFrame() {
        if (!options.version().clientPings()) {
            throw new IllegalStateException("an engine.io 4 client never pings: the server does");
        }
        return EnginePacket.ping().encode();
    }

    /** The frame that subscribes to {@code channel}. */
    public String subscribeFrame(String channel) {
        return emitFrame(options.subscribeEvent(), options.subscribeArguments().forChannel(channel), SocketIoPacket.NO_ACK);
    }

    /** The frame that unsubscribes from {@code channel}. */
    public String unsubscribeFrame(String channel) {
        return emitFrame(options.unsubscribeEvent(), options.subscribeArguments().forChannel(channel), SocketIoPacket.NO_ACK);
    }

    /** A fresh ack id for an outbound event; ids are per session. */
    public long nextAckId() {
        if (options.framing() != Framing.SOCKET_IO) {
            throw new IllegalStateException("bare engine.io has no acks");
        }
        return nextAckId++;
    }

    /**
     * The frame of an event {@code [name, args...]}: {@code 42[...]} on socket.io (with the namespace
     * and ack id), {@code 4[...]} on bare engine.io (which has no ack ids).
     */
    public String emitFrame(String name, List<? extends JsonNode> arguments, long ackId) {
        SocketIoPacket event = SocketIoPacket.event(options.namespaceName(), ackId, name, arguments);
        if (options.framing() == Framing.ENGINE_IO) {
            if (ackId != SocketIoPacket.NO_ACK) {
                throw new IllegalArgumentException("bare engine.io has no acks");
            }
            return EnginePacket.message(StrictJson.write(event.data())).encode();
        }
        return EnginePacket.message(event.encode()).encode();
    }

    /** The frame answering the server's event {@code ackId}. */
    public String ackFrame(long ackId, List<? extends JsonNode> arguments) {
        return EnginePacket.message(SocketIoPacket.ack(options.namespaceName(), ackId, arguments).encode()).encode();
    }

    private SessionStep onOpen(EnginePacket packet) {
        if (state != State.AWAITING_OPEN) {
            return malformed("second engine.io open packet", EngineIoCodec.encode(packet));
        }
        try {
            handshake = OpenHandshake.parse(packet.data());
        } catch (ProtocolException e) {
            // Without the timings the session cannot keep itself alive: end it, the connection retries.
            state = State.CLOSED;
            return SessionStep.signal(new SessionSignal.Closed("unreadable engine.io open packet", e));
        }
        List<String> replies = new ArrayList<>(1);
        List<SessionSignal> signals = new ArrayList<>(2);
        signals.add(new SessionSignal.Opened(handshake));
        if (options.framing() == Framing.ENGINE_IO) {
            state = State.READY;
            signals.add(new SessionSignal.Ready(null));
        } else {
            state = State.AWAITING_NAMESPACE;
            if (options.version().socketIoRevision().clientConnects()) {
                replies.add(EnginePacket.message(SocketIoPacket.connect(options.namespace(), options.auth()).encode()).encode());
            }
        }
        return new SessionStep(replies, signals);
    }

    private SessionStep onSocketIo(String text, String frame) {
        SocketIoPacket packet;
        try {
            packet = SocketIoCodec.decode(text);
        } catch (ProtocolException e) {
            return SessionStep.signal(new SessionSignal.Malformed(e));
        }
        boolean ours = packet.namespace().equals(options.namespaceName());
        switch (packet.type()) {
            case CONNECT:
                return onConnect(packet, ours);
            case DISCONNECT:
                if (!ours) {
                    return SessionStep.NOTHING;
                }
                state = State.CLOSED;
                return SessionStep.signal(new SessionSignal.Closed("socket.io namespace " + packet.namespace() + " disconnected", null));
            case CONNECT_ERROR:
                if (!ours) {
                    return SessionStep.NOTHING;
                }
                state = State.CLOSED;
                return SessionStep.signal(new SessionSignal.Closed("socket.io connect refused",
                        new ExchangeException("socket.io namespace " + packet.namespace() + " refused the connection: "
                                + packet.errorMessage())));
            case EVENT:
                return ours ? SessionStep.signal(new SessionSignal.Event(packet.eventName(), packet.arguments(), packet.ackId()))
                        : SessionStep.NOTHING;
            case ACK:
                return ours ? SessionStep.signal(new SessionSignal.AckReceived(packet.ackId(), packet.arguments()))
                        : SessionStep.NOTHING;
            case BINARY_EVENT:
            case BINARY_ACK:
                return malformed("socket.io binary packets (" + packet.attachments() + " attachment(s)) are not supported", frame);
            default:
                throw new IllegalStateException("unhandled socket.io type " + packet.type());
        }
    }

    private SessionStep onConnect(SocketIoPacket packet, boolean ours) {
        SocketIoRevision revision = options.version().socketIoRevision();
        if (!revision.clientConnects() && packet.namespace().equals(SocketIoPacket.MAIN_NAMESPACE) && !ours
                && state == State.AWAITING_NAMESPACE) {
            // Revision 4 joins "/" unsolicited; another namespace must be asked for now (with its query,
            // which is how revision 4 carries a token).
            return SessionStep.reply(EnginePacket.message(SocketIoPacket.connect(options.namespace(), null).encode()).encode());
        }
        if (!ours || state != State.AWAITING_NAMESPACE) {
            return SessionStep.NOTHING;
        }
        state = State.READY;
        JsonNode sid = packet.data().get("sid");
        return SessionStep.signal(new SessionSignal.Ready(sid != null && sid.isTextual() ? sid.asText() : null));
    }

    private SessionStep onBareMessage(String text) {
        JsonNode json;
        try {
            json = StrictJson.read(text, "engine.io message");
        } catch (ProtocolException e) {
            return SessionStep.signal(new SessionSignal.Malformed(e));
        }
        if (json.isArray() && !json.isEmpty() && json.get(0).isTextual()) {
            List<JsonNode> arguments = new ArrayList<>(json.size() - 1);
            for (int i = 1; i < json.size(); i++) {
                arguments.add(json.get(i));
            }
            return SessionStep.signal(new SessionSignal.Event(json.get(0).asText(), arguments, SocketIoPacket.NO_ACK));
        }
        return SessionStep.signal(new SessionSignal.Event(null, List.of(json), SocketIoPacket.NO_ACK));
    }

    private static SessionStep malformed(String what, String frame) {
        return SessionStep.signal(new SessionSignal.Malformed(EngineIoCodec.malformed(what, frame)));
    }
}
