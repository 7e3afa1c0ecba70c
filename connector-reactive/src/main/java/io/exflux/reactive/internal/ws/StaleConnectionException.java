package io.exflux.reactive.internal.ws;

/**
 * A connection is considered dead: no heartbeat answer or no inbound frame in time. The engine drops
 * the socket and reconnects; users see it only as the cause of a
 * {@link io.exflux.api.stream.ConnectionEvent.Disconnected} event.
 */
public class StaleConnectionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleConnectionException(String message) {
        super(message, null, false, false);
    }
}
