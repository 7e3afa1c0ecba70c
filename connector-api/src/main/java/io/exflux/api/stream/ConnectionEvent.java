package io.exflux.api.stream;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** A change of a websocket connection's state. */
public sealed interface ConnectionEvent {

    /** The socket's address. */
    URI uri();

    /** When the change happened, on the client's clock. */
    Instant at();

    /** A connect attempt started; {@code attempt} counts from 1 since the last stable connection. */
    record Connecting(URI uri, Instant at, int attempt) implements ConnectionEvent { }

    /**
     * The socket is open (and, where the venue needs it, authenticated and resubscribed; where the venue
     * answers subscriptions, once it answered them or a handshake timeout passed): what the venue sends
     * from now on reaches the streams.
     */
    record Connected(URI uri, Instant at) implements ConnectionEvent { }

    /** The socket closed or failed; {@code cause} is {@code null} for a clean close by the server. */
    record Disconnected(URI uri, Instant at, String reason, Throwable cause) implements ConnectionEvent { }

    /** The next connect attempt starts after {@code delay}. */
    record Reconnecting(URI uri, Instant at, int attempt, Duration delay) implements ConnectionEvent { }

    /**
     * Messages of {@code topic} may be missing: the stream could not recover everything that happened
     * while its socket was away (the venue's history did not reach back far enough, or could not be
     * read). The bounds are exclusive and name what was delivered on either side of the gap: the last
     * message before it ({@code fromId}, {@code fromTime}) and the first after it ({@code toId},
     * {@code toTime}). {@code fromId} is {@code null} when nothing was delivered before the gap
     * ({@code fromTime} is then when the stream started); {@code toId} and {@code toTime} are
     * {@code null} when nothing after it is known yet.
     */
    record Gap(URI uri, Instant at, String topic, String fromId, Instant fromTime, String toId, Instant toTime)
            implements ConnectionEvent { }

    /** The connection was closed by its owner and will not reconnect. */
    record Closed(URI uri, Instant at) implements ConnectionEvent { }
}
