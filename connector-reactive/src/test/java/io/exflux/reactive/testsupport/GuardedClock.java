package io.exflux.reactive.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A virtual clock with every timer it runs directly guarded. A timer that throws out of a
 * {@link VirtualTimeScheduler} leaves its timer loop marked busy for good: from then on no timer fires, whoever
 * moves the clock. On the test thread the throw reaches the test; on an event loop (a thread that schedules while
 * the test moves the clock runs the due timers itself, which happens under load) it is swallowed there and the
 * test only sees a clock that stopped. Here the failure is recorded, with its thread, and the clock goes on.
 */
public class GuardedClock extends VirtualTimeScheduler {

    private final List<String> failures = new CopyOnWriteArrayList<>();

    public GuardedClock() {
        super(false);
    }

    /** The timers that threw, each with its thread and stack: empty when all went well. */
    public List<String> failures() {
        return failures;
    }

    @Override
    public Disposable schedule(Runnable task) {
        return super.schedule(guard(task));
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        return super.schedule(guard(task), delay, unit);
    }

    @Override
    public Disposable schedulePeriodically(Runnable task, long initialDelay, long period, TimeUnit unit) {
        return super.schedulePeriodically(guard(task), initialDelay, period, unit);
    }

    private Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable failure) {
                StringWriter trace = new StringWriter();
                failure.printStackTrace(new PrintWriter(trace));
                failures.add(Thread.currentThread().getName() + ": " + trace);
            }
        };
    }
}
