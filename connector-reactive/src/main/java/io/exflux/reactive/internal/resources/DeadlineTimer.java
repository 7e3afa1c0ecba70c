package io.exflux.reactive.internal.resources;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * Arms one-shot deadlines that almost never fire (the attempt deadline of every REST call), so arming and disarming
 * must cost next to nothing. On Reactor's own real-time schedulers a deadline goes on one process-wide timer wheel:
 * arming and disarming only append to a queue the wheel's thread drains on its next tick, where a task of the
 * scheduler wakes one of its workers twice per call (once to arm, once to cancel). A deadline on the wheel fires
 * up to one tick (10 ms) late, and its task runs on the scheduler, never on the wheel's thread. Any other
 * scheduler (a virtual-time one in tests, a caller's own) times each deadline exactly, as one of its tasks.
 */
public interface DeadlineTimer {

    /**
     * Runs {@code task} once {@code delay} has passed, unless the returned {@code Disposable} is disposed first.
     * Non-blocking.
     */
    Disposable schedule(Runnable task, Duration delay);

    /** The timer for deadlines of work timed by {@code scheduler}: the wheel when it runs in real time. */
    static DeadlineTimer forScheduler(Scheduler scheduler) {
        // Reactor's schedulers (parallel, single, bounded elastic, executor-backed) read the system clock; a
        // virtual-time scheduler lives in reactor-test, and a caller's own scheduler may keep its own time
        boolean realTime = scheduler.getClass().getName().startsWith("reactor.core.scheduler.");
        return realTime ? new Wheel(scheduler) : exact(scheduler);
    }

    /** Each deadline a task of {@code scheduler}, exactly on time. */
    static DeadlineTimer exact(Scheduler scheduler) {
        return (task, delay) -> scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The shared wheel; a deadline that fires hands its task to the scheduler. */
    final class Wheel implements DeadlineTimer {

        /** Created on first use; its daemon thread lives as long as the process (one for every client). */
        private static final class Shared {
            static final HashedWheelTimer TIMER = new HashedWheelTimer(runnable -> {
                Thread thread = new Thread(runnable, "exflux-deadlines");
                thread.setDaemon(true);
                return thread;
            }, 10, TimeUnit.MILLISECONDS, 512, false);
        }

        private final Scheduler scheduler;

        Wheel(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public Disposable schedule(Runnable task, Duration delay) {
            Timeout timeout = Shared.TIMER.newTimeout(expired -> fire(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return timeout::cancel;
        }

        private void fire(Runnable task) {
            try {
                scheduler.schedule(task);
            } catch (RejectedExecutionException schedulerClosed) {
                // the scheduler was shut down under a call still waiting: end the call here rather than never
                task.run();
            }
        }

        @Override
        public String toString() {
            return "DeadlineTimer.Wheel[" + scheduler + "]";
        }
    }
}
