package io.exflux.reactive.internal.ws;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Declares one connection stale when no inbound frame of any kind (data, ping, pong, close) arrived for
 * {@code limit}, optionally probing the peer with a websocket ping after {@code probeAfter} of silence so
 * that a quiet but healthy connection answers with a pong. One timer per period, not one per frame: each
 * frame only stores its time.
 *
 * <p>Serves the engine's stall bound ({@link io.exflux.reactive.config.StreamOptions#stallTimeout()}, with a
 * probe, only while the socket has live topics) and {@link Heartbeats#idle} (no probe, always).
 */
final class StallWatchdog {

    private final HeartbeatContext context;
    private final long limitMillis;
    /** {@code <= 0}: never probe. */
    private final long probeAfterMillis;
    private final BooleanSupplier watching;
    private final Scheduler scheduler;
    private final AtomicLong lastActivity;
    /** The {@link #lastActivity} value a ping was sent for: one probe per silence. */
    private long probedAt = Long.MIN_VALUE;

    private StallWatchdog(HeartbeatContext context, Duration limit, Duration probeAfter, BooleanSupplier watching) {
        this.context = context;
        this.limitMillis = Math.max(1, limit.toMillis());
        this.probeAfterMillis = probeAfter == null ? 0 : probeAfter.toMillis();
        this.watching = watching;
        this.scheduler = context.scheduler();
        this.lastActivity = new AtomicLong(scheduler.now(TimeUnit.MILLISECONDS));
    }

    /** Dies after {@code limit} without a frame; never sends anything. */
    static Mono<Void> idle(HeartbeatContext context, Duration limit) {
        return new StallWatchdog(context, limit, null, () -> true).run();
    }

    /**
     * Sends a websocket ping after half of {@code limit} without a frame and dies after {@code limit}, but only
     * while {@code watching} says so (a socket without live topics is left to the venue's keepalive).
     */
    static Mono<Void> probing(HeartbeatContext context, Duration limit, BooleanSupplier watching) {
        return new StallWatchdog(context, limit, limit.dividedBy(2), watching).run();
    }

    private Mono<Void> run() {
        Mono<Void> watch = Mono.defer(this::step).repeat().then();
        Mono<Void> track = context.activity()
                .doOnNext(any -> lastActivity.set(scheduler.now(TimeUnit.MILLISECONDS)))
                .then(Mono.never());
        return Mono.when(track, watch);
    }

    /** One period: waits for the next moment something may be due, fails if the connection is stale by then. */
    private Mono<?> step() {
        long last = lastActivity.get();
        long idle = scheduler.now(TimeUnit.MILLISECONDS) - last;
        if (idle >= limitMillis) {
            if (watching.getAsBoolean()) {
                return Mono.error(new StaleConnectionException("no inbound frame for " + idle + " ms (limit "
                        + limitMillis + " ms)"));
            }
            return delay(limitMillis);
        }
        boolean probes = probeAfterMillis > 0 && probeAfterMillis < limitMillis;
        if (probes && probedAt != last && idle >= probeAfterMillis && watching.getAsBoolean()) {
            probedAt = last;
            // the wait starts now, not when the write completes (the bound must not drift by the write's latency);
            // a failed write means the channel is closing: the session ends on its own, nothing to report here
            return Mono.when(context.sendPing().onErrorResume(error -> Mono.empty()), delay(limitMillis - idle));
        }
        long until = probes && probedAt != last && idle < probeAfterMillis ? probeAfterMillis : limitMillis;
        return delay(until - idle);
    }

    private Mono<Long> delay(long millis) {
        return Mono.delay(Duration.ofMillis(Math.max(millis, 0)), scheduler);
    }
}
