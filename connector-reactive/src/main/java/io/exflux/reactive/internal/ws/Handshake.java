package io.exflux.reactive.internal.ws;

import java.time.Duration;

/**
 * What the handshake of one connection negotiated, for the heartbeat: the server's ping interval and
 * ping timeout (engine.io open packet, ALP welcome). {@code null} fields mean "not announced"; the
 * heartbeat strategy then uses its own configured values.
 *
 * @param pingInterval how often the server pings (or expects a ping), or {@code null}
 * @param pingTimeout  how long after a missed ping the peer is considered dead, or {@code null}
 */
public record Handshake(Duration pingInterval, Duration pingTimeout) {

    /** Nothing negotiated. */
    public static final Handshake NONE = new Handshake(null, null);
}
