package io.exflux.testkit.chaos;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * The delayed actions of one proxy (timed resumes, expiring latency, schedule ticks) on its {@link Scheduler},
 * so that closing the proxy cancels every one still pending.
 */
final class Timers {

    private final Scheduler scheduler;
    private final Disposable.Composite pending = Disposables.composite();

    Timers(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    /** Nanoseconds on the scheduler's clock (virtual under a VirtualTimeScheduler). */
    long nowNanos() {
        return scheduler.now(TimeUnit.NANOSECONDS);
    }

    /** Runs the action after the delay unless cancelled first (by the returned handle or by {@link #dispose()}). */
    Disposable after(Duration delay, Runnable action) {
        Disposable.Swap slot = Disposables.swap();
        if (!pending.add(slot)) {
            return slot;
        }
        try {
            slot.update(scheduler.schedule(() -> {
                pending.remove(slot);
                action.run();
            }, delay.toNanos(), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException schedulerGone) {
            pending.remove(slot);
        }
        return slot;
    }

    void dispose() {
        pending.dispose();
    }
}
