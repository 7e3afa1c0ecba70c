package io.exflux.reactive.venue.alp.model;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code ["welcome", time, pingInterval, pingTimeout, clientId]}, the first frame. The document says
 * the ping values are nanoseconds, the live venue sends milliseconds: they are read by magnitude
 * (docs/venues/alp.md, drift 7).
 */
public record AlpWelcome(Instant time, Duration pingInterval, Duration pingTimeout, String clientId) implements AlpMessage {

    /** How long the connection may stay silent before we call it dead: interval plus timeout. */
    public Duration idleTimeout() {
        return pingInterval.plus(pingTimeout);
    }
}
