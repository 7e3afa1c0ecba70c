package io.exflux.samples.cli.command;

import io.exflux.samples.cli.CliContext;
import io.exflux.samples.cli.ShutdownHooks;
import io.exflux.samples.cli.venue.VenueSession;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Runs a never-ending stream on the CLI's main thread until {@code --duration} passes, the user presses
 * Ctrl-C, the output is closed (the reader of a pipe went away), or the stream fails. Ctrl-C runs the JVM's shutdown hooks: ours stops the stream, lets the
 * main thread dispose the subscription and close the client and simulator, and waits (briefly) for
 * that to finish so that the process exits with everything released.
 */
public final class LiveRun {

    private static final long HOOK_WAIT_SECONDS = 5;

    private LiveRun() {
    }

    /**
     * Subscribes to {@code stream} and waits for it to end.
     *
     * @param duration how long to run, or {@code null} for until Ctrl-C
     * @return true when the run was stopped by Ctrl-C
     */
    public static boolean run(CliContext context, VenueSession session, Flux<?> stream, Duration duration) {
        return run(context, session::close, stream, duration);
    }

    /** As {@link #run(CliContext, VenueSession, Flux, Duration)}, with {@code close} releasing what the run holds. */
    public static boolean run(CliContext context, Runnable close, Flux<?> stream, Duration duration) {
        Sinks.One<Boolean> interrupt = Sinks.one();
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // A closed pipe (| head) makes every later print fail silently: end the run as done.
        Flux<?> bounded = stream.takeWhile(printed -> !context.out().checkError())
                .takeUntilOther(interrupt.asMono());
        if (duration != null) {
            bounded = bounded.take(duration, context.timer());
        }
        ShutdownHooks.Registration hook = context.hooks().register(() -> {
            interrupted.set(true);
            interrupt.tryEmitValue(Boolean.TRUE);
            try {
                finished.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            bounded.blockLast();
            return interrupted.get();
        } finally {
            try {
                close.run();
            } finally {
                finished.countDown();
                hook.close();
            }
        }
    }
}
