package io.exflux.testkit.btse;

import io.exflux.testkit.server.WsSession;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * BTSE's keepalive from the server's side: a client's text {@code ping} is answered with a text
 * {@code pong}, and a socket whose client sent nothing for the idle timeout (60 s) is dropped without a
 * close frame (the 1006 the venue shows). Checked on the venue's timer, so virtual time drives it.
 */
final class BtseIdleWatch implements Disposable {

    private static final Logger LOG = LoggerFactory.getLogger(BtseIdleWatch.class);

    private final Map<WsSession, Long> lastHeard = new ConcurrentHashMap<>();
    private final long timeout;
    private final Scheduler timer;
    private final Disposable loop;

    BtseIdleWatch(Duration timeout, Scheduler timer) {
        this.timeout = timeout.toMillis();
        this.timer = timer;
        long check = Math.max(50, Math.min(1000, this.timeout / 4));
        this.loop = Flux.interval(Duration.ofMillis(check), timer)
                .subscribe(tick -> check(), error -> LOG.error("idle watch stopped", error));
    }

    void watch(WsSession session) {
        lastHeard.put(session, now());
        session.onClose().subscribe(null, error -> lastHeard.remove(session), () -> lastHeard.remove(session));
    }

    /** Notes a frame from the client; true when it was a {@code ping} (answered here, nothing else to do). */
    boolean heard(WsSession session, String text) {
        lastHeard.put(session, now());
        if (text.trim().equals("ping")) {
            session.send("pong");
            return true;
        }
        return false;
    }

    private void check() {
        long now = now();
        lastHeard.forEach((session, at) -> {
            if (now - at >= timeout) {
                lastHeard.remove(session);
                session.drop();
            }
        });
    }

    private long now() {
        return timer.now(TimeUnit.MILLISECONDS);
    }

    @Override
    public void dispose() {
        loop.dispose();
        lastHeard.clear();
    }

    @Override
    public boolean isDisposed() {
        return loop.isDisposed();
    }
}
