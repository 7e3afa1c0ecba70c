package io.exflux.reactive.internal.engineio;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ProtocolException;
import java.util.List;

/** What an inbound frame meant to the session, for the connection to act on. */
public sealed interface SessionSignal {

    /** The open packet arrived; heartbeats start now. */
    record Opened(OpenHandshake handshake) implements SessionSignal { }

    /** The namespace is joined (or, on bare engine.io, the session is open): subscriptions may go. */
    record Ready(String namespaceSid) implements SessionSignal { }

    /**
     * An application event: a socket.io EVENT, or a bare engine.io message (then {@code name} is the
     * first element of a JSON array message, or {@code null} when the message is not such an array).
     */
    record Event(String name, List<JsonNode> arguments, long ackId) implements SessionSignal {
        public Event {
            arguments = List.copyOf(arguments);
        }
    }

    /** The server answered our event {@code ackId}. */
    record AckReceived(long ackId, List<JsonNode> arguments) implements SessionSignal {
        public AckReceived {
            arguments = List.copyOf(arguments);
        }
    }

    /** A frame we cannot read; the session goes on (one bad frame never kills a stream). */
    record Malformed(ProtocolException error) implements SessionSignal { }

    /** The server ended the session (engine.io close, socket.io DISCONNECT or refused CONNECT): reconnect. */
    record Closed(String reason, ExchangeException error) implements SessionSignal { }
}
