package io.exflux.reactive.internal.ws;

import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * How a venue keeps a socket alive and detects a dead one. One strategy serves every connection; for
 * each connection the engine calls {@link #run} once after the handshake and subscribes to the result
 * for the connection's lifetime. Built-ins are in {@link Heartbeats}; combine them with {@link #and}.
 *
 * <p>Websocket protocol pings from the server are always answered with pongs by the engine, whatever
 * the strategy: that is the websocket protocol, not a venue choice.
 */
public interface HeartbeatStrategy {

    /**
     * Keeps one connection alive. Returns a {@code Mono} that never completes while the connection is
     * healthy and errors (typically with {@link StaleConnectionException}) when it is dead, which makes
     * the engine drop the socket and reconnect. It is cancelled when the connection closes. Timers must
     * run on {@link HeartbeatContext#scheduler()}.
     */
    Mono<Void> run(HeartbeatContext context);

    /**
     * Whether an inbound text frame is a keepalive frame of this strategy (e.g. BTSE {@code pong}, ALP
     * {@code 1}), which is then not handed to the frame codec. Called for every frame: keep it cheap.
     */
    default boolean isHeartbeatFrame(String frame) {
        return false;
    }

    /** Runs both strategies on every connection; the connection is dead when either says so. */
    default HeartbeatStrategy and(HeartbeatStrategy other) {
        Objects.requireNonNull(other, "other");
        HeartbeatStrategy self = this;
        return new HeartbeatStrategy() {
            @Override
            public Mono<Void> run(HeartbeatContext context) {
                return Mono.when(self.run(context), other.run(context));
            }

            @Override
            public boolean isHeartbeatFrame(String frame) {
                return self.isHeartbeatFrame(frame) || other.isHeartbeatFrame(frame);
            }
        };
    }
}
