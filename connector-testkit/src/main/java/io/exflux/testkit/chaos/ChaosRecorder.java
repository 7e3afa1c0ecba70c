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
        ChaosEvent event = new ChaosEvent(Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS)), connectionId, fault);
        events.add(event);
        if (logged.incrementAndGet() > MAX_EVENTS && events.poll() != null) {
            logged.decrementAndGet();
        }
        faults.get(fault.kind()).increment();
        return event;
    }

    List<ChaosEvent> events() {
        return new ArrayList<>(events);
    }

    ChaosStats stats() {
        Map<FaultKind, Long> counts = new EnumMap<>(FaultKind.class);
        faults.forEach((kind, count) -> counts.put(kind, count.sum()));
        return new ChaosStats(accepted.sum(), open.get(), toServer.sum(), toClient.sum(), counts);
    }
}
