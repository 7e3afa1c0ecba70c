package io.exflux.testkit.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.scheduler.Scheduler;

/**
 * The counters and the fault log of one proxy; every method is safe from any thread. The log keeps the last
 * {@link #MAX_EVENTS} events (a soak of hours stays bounded); the counters count every fault.
 */
final class ChaosRecorder {

    static final int MAX_EVENTS = 100_000;

    private final Scheduler clock;
    private final LongAdder accepted = new LongAdder();
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder toServer = new LongAdder();
    private final LongAdder toClient = new LongAdder();
    private final Map<FaultKind, LongAdder> faults = new EnumMap<>(FaultKind.class);
    private final ConcurrentLinkedQueue<ChaosEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicInteger logged = new AtomicInteger();
    private final ConcurrentLinkedQueue<Span> stalls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger stallsLogged = new AtomicInteger();

    ChaosRecorder(Scheduler clock) {
        this.clock = clock;
        for (FaultKind kind : FaultKind.values()) {
            faults.put(kind, new LongAdder());
        }
    }

    void opened() {
        accepted.increment();
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    void forwarded(Direction way, int bytes) {
        (way == Direction.CLIENT_TO_SERVER ? toServer : toClient).add(bytes);
    }

    ChaosEvent fault(long connectionId, ChaosFault fault) {
        ChaosEvent event = new ChaosEvent(now(), connectionId, fault);
        events.add(event);
        if (logged.incrementAndGet() > MAX_EVENTS && events.poll() != null) {
            logged.decrementAndGet();
        }
        faults.get(fault.kind()).increment();
        return event;
    }

    /** Forwarding stopped now on this direction of this connection; end the returned span when it flows again. */
    Span stallStarted(long connectionId, Direction way, ChaosFault cause) {
        Span span = new Span(connectionId, way, now(), cause);
        stalls.add(span);
        if (stallsLogged.incrementAndGet() > MAX_EVENTS && stalls.poll() != null) {
            stallsLogged.decrementAndGet();
        }
        return span;
    }

    /** The stalls as they happened (the last {@link #MAX_EVENTS}), in the order they started. */
    List<ChaosStall> stalls() {
        return stalls.stream().map(Span::record).toList();
    }

    Instant now() {
        return Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS));
    }

    List<ChaosEvent> events() {
        return new ArrayList<>(events);
    }

    ChaosStats stats() {
        Map<FaultKind, Long> counts = new EnumMap<>(FaultKind.class);
        faults.forEach((kind, count) -> counts.put(kind, count.sum()));
        return new ChaosStats(accepted.sum(), open.get(), toServer.sum(), toClient.sum(), counts);
    }

    /** A stall under way; {@link #end()} stamps its end once (later calls change nothing). */
    final class Span {
        private final long connectionId;
        private final Direction way;
        private final Instant start;
        private final ChaosFault cause;
        private volatile Instant end;

        private Span(long connectionId, Direction way, Instant start, ChaosFault cause) {
            this.connectionId = connectionId;
            this.way = way;
            this.start = start;
            this.cause = cause;
        }

        Instant start() {
            return start;
        }

        synchronized void end() {
            if (end == null) {
                end = now();
            }
        }

        ChaosStall record() {
            return new ChaosStall(connectionId, way, start, end, cause);
        }
    }
}
