package io.exflux.reactive.testsupport;

import java.time.Duration;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;

/**
 * A {@link GuardedClock} that knows when its next one-shot timer is due, so that a test can move it from one timer
 * to the next and stop at each. Moved in one long step, a virtual clock runs the timers it passes one after the
 * other and only then stands still: work a timer hands to another thread (a request a rate limiter released, off
 * to an event loop) may read the clock at a later instant the clock passed on its way, or at the step's end.
 * Stopped at each timer, the clock reads the timer's own instant until the test moves it again.
 *
 * <p>One-shot timers ({@code Mono.delay}, {@code delaySubscription}, deadlines) are tracked from the moment they are
 * scheduled until they have run or been disposed; periodic ones ({@code Flux.interval}) are not: they run as the
 * clock passes them.
 */
public final class SteppingClock extends GuardedClock {

    /** A one-shot timer not yet run nor disposed; the sequence tells apart timers due at one instant. */
    private record Pending(long due, long sequence) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            int byDue = Long.compare(due, other.due);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }

    private final ConcurrentSkipListSet<Pending> pending = new ConcurrentSkipListSet<>();
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        Pending timer = new Pending(now(TimeUnit.NANOSECONDS) + unit.toNanos(delay), sequence.getAndIncrement());
        pending.add(timer);
        // forgotten once it has run, so that what it started synchronously is done when it no longer counts
        Disposable scheduled = super.schedule(() -> {
            try {
                task.run();
            } finally {
                pending.remove(timer);
            }
        }, delay, unit);
        return new Disposable() {
            @Override
            public void dispose() {
                pending.remove(timer);
                scheduled.dispose();
            }

            @Override
            public boolean isDisposed() {
                return !pending.contains(timer);
            }
        };
    }

    /** When the earliest one-shot timer not yet run is due, in nanoseconds of this clock; empty when none is. */
    public OptionalLong nextTimer() {
        Iterator<Pending> first = pending.iterator();
        return first.hasNext() ? OptionalLong.of(first.next().due()) : OptionalLong.empty();
    }

    /** Whether every one-shot timer due at or before {@code nanos} has run (or was disposed). */
    public boolean ranTimersUntil(long nanos) {
        OptionalLong next = nextTimer();
        return next.isEmpty() || next.getAsLong() > nanos;
    }

    /** Moves the clock to {@code nanos} (not backwards), running the timers due until then. */
    public void advanceTo(long nanos) {
        long now = now(TimeUnit.NANOSECONDS);
        if (nanos < now) {
            throw new IllegalArgumentException("the clock is at " + now + " ns, past " + nanos);
        }
        advanceTimeBy(Duration.ofNanos(nanos - now));
    }
}
