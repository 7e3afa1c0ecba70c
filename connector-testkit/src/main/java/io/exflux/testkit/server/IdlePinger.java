package io.exflux.testkit.server;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * Sends a websocket protocol PING on every watched session that has sent nothing for {@code interval},
 * as venues do to keep idle connections alive (and as a client's idle watchdog expects). Checks a few
 * times per interval on the given timer, so virtual time drives it in tests. Dispose to stop.
 */
public final class IdlePinger implements Disposable {

    private static final Logger LOG = LoggerFactory.getLogger(IdlePinger.class);

    /** What was last seen of one session. */
    private static final class Watched {
        volatile int lastSeenFrames;
        volatile long lastActivity;

        Watched(long now) {
            this.lastActivity = now;
        }
    }

    private final Map<WsSession, Watched> watched = new ConcurrentHashMap<>();
    private final long interval;
    private final Scheduler timer;
    private final Disposable loop;

    /** Starts checking, every quarter interval (at least 50 ms, at most 1 s), on {@code timer}. */
    public IdlePinger(Duration interval, Scheduler timer) {
        this.interval = interval.toMillis();
        this.timer = Objects.requireNonNull(timer, "timer");
        long check = Math.max(50, Math.min(1000, this.interval / 4));
        this.loop = Flux.interval(Duration.ofMillis(check), timer)
                .subscribe(tick -> check(), error -> LOG.error("idle pinger stopped", error));
    }

    /** Watches a session until it closes. */
    public void watch(WsSession session) {
        watched.put(session, new Watched(now()));
        session.onClose().subscribe(null, error -> watched.remove(session), () -> watched.remove(session));
    }

    @Override
    public void dispose() {
        loop.dispose();
        watched.clear();
    }

    @Override
    public boolean isDisposed() {
        return loop.isDisposed();
    }

    private void check() {
        long now = now();
        watched.forEach((session, w) -> {
            int sent = session.sentFrames();
            if (sent != w.lastSeenFrames) {
                w.lastSeenFrames = sent;
                w.lastActivity = now;
            } else if (now - w.lastActivity >= interval) {
                session.ping();
                w.lastSeenFrames = session.sentFrames();
                w.lastActivity = now;
            }
        });
    }

    private long now() {
        return timer.now(TimeUnit.MILLISECONDS);
    }
}
