package io.exflux.reactive.internal.ws;

import java.time.Duration;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The built-in {@link HeartbeatStrategy heartbeat strategies}. Combine them with
 * {@link HeartbeatStrategy#and}, e.g. ALP: {@code answerText("1", "2").and(idle(Duration.ofSeconds(50)))};
 * BTSE: {@code clientTextPing("ping", "pong", 15 s, 10 s)}; engine.io v3:
 * {@code clientTextPing("2", "3", interval, timeout)}; engine.io v4: {@code answerText("2", "3")
 * .and(idle(...))}.
 *
 * <p>Whatever the venue's strategy, the engine also runs its own stall bound on every socket with live topics
 * ({@link io.exflux.reactive.config.StreamOptions#stallTimeout()}): the earlier of the two detects a dead
 * connection.
 */
public final class Heartbeats {

    private Heartbeats() {
    }

    /** No keepalive beyond answering websocket protocol pings (which the engine always does). */
    public static HeartbeatStrategy none() {
        return context -> Mono.never();
    }

    /**
     * Answers the server's text ping with a text pong, never unprompted (ALP {@code 1} -> {@code 2},
     * engine.io v4 {@code 2} -> {@code 3}). Detects nothing by itself: pair it with {@link #idle}.
     */
    public static HeartbeatStrategy answerText(String serverPing, String clientPong) {
        Objects.requireNonNull(serverPing, "serverPing");
        Objects.requireNonNull(clientPong, "clientPong");
        return new HeartbeatStrategy() {
            @Override
            public Mono<Void> run(HeartbeatContext context) {
                return context.textFrames()
                        .filter(serverPing::equals)
                        .concatMap(ping -> context.sendText(clientPong))
                        .then(Mono.never());
            }

            @Override
            public boolean isHeartbeatFrame(String frame) {
                return serverPing.equals(frame);
            }
        };
    }

    /**
     * Sends a text ping every {@code interval} and declares the connection dead if the text pong does not
     * follow within {@code timeout} (BTSE {@code ping}/{@code pong} every 15 s, engine.io v3 {@code 2}/{@code 3}).
     * When the handshake announced a ping interval and timeout, those win.
     */
    public static HeartbeatStrategy clientTextPing(String ping, String pong, Duration interval, Duration timeout) {
        Objects.requireNonNull(ping, "ping");
        Objects.requireNonNull(pong, "pong");
        requirePositive(interval, "interval");
        requirePositive(timeout, "timeout");
        return new HeartbeatStrategy() {
            @Override
            public Mono<Void> run(HeartbeatContext context) {
                Duration every = orElse(context.handshake().pingInterval(), interval);
                Duration wait = orElse(context.handshake().pingTimeout(), timeout);
                Mono<Void> awaitPong = context.textFrames().filter(pong::equals).next()
                        .timeout(wait, Mono.error(() -> new StaleConnectionException(
                                "no " + pong + " within " + wait + " after " + ping)), context.scheduler())
                        .then();
                return reactor.core.publisher.Flux.interval(every, context.scheduler())
                        .onBackpressureDrop()
                        .concatMap(tick -> Mono.when(awaitPong, context.sendText(ping)), 1)
                        .then(Mono.never());
            }

            @Override
            public boolean isHeartbeatFrame(String frame) {
                return pong.equals(frame);
            }
        };
    }

    /**
     * Sends a websocket protocol ping every {@code interval} and declares the connection dead if no
     * inbound frame (the pong or anything else) follows within {@code timeout}.
     */
    public static HeartbeatStrategy webSocketPing(Duration interval, Duration timeout) {
        requirePositive(interval, "interval");
        requirePositive(timeout, "timeout");
        return context -> {
            Mono<Void> awaitLife = context.activity().next()
                    .timeout(timeout, Mono.error(() -> new StaleConnectionException(
                            "no pong within " + timeout + " after a websocket ping")), context.scheduler())
                    .then();
            return reactor.core.publisher.Flux.interval(interval, context.scheduler())
                    .onBackpressureDrop()
                    .concatMap(tick -> Mono.when(awaitLife, context.sendPing()), 1)
                    .then(Mono.never());
        };
    }

    /**
     * The idle watchdog: declares the connection dead when no inbound frame of any kind arrived for
     * {@code pingInterval + pingTimeout} as negotiated by the handshake, or for {@code fallback} when the
     * handshake announced nothing. Costs one timer per period, not one per frame.
     */
    public static HeartbeatStrategy idle(Duration fallback) {
        requirePositive(fallback, "fallback");
        return context -> {
            Handshake handshake = context.handshake();
            Duration limit = handshake.pingInterval() != null && handshake.pingTimeout() != null
                    ? handshake.pingInterval().plus(handshake.pingTimeout())
                    : fallback;
            return StallWatchdog.idle(context, limit);
        };
    }

    private static Duration orElse(Duration value, Duration fallback) {
        return value != null && !value.isZero() && !value.isNegative() ? value : fallback;
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
