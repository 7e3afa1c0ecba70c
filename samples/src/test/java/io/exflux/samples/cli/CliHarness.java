package io.exflux.samples.cli;

import io.exflux.samples.cli.venue.VenueRegistry;
import io.exflux.samples.cli.render.ScreenSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import reactor.core.scheduler.Schedulers;

/** Runs the CLI in-process with captured output, a given environment and a Ctrl-C the test can press. */
final class CliHarness {

    private final VenueRegistry venues;
    private final Map<String, String> environment;
    private final boolean terminal;
    private final Supplier<ScreenSize> screenSize;
    private volatile long pipeClosesAfter = Long.MAX_VALUE;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final List<Runnable> hooks = new ArrayList<>();

    CliHarness(VenueRegistry venues, Map<String, String> environment, boolean terminal) {
        this(venues, environment, terminal, () -> ScreenSize.CLASSIC);
    }

    /** @param screenSize the terminal's size, asked before every frame */
    CliHarness(VenueRegistry venues, Map<String, String> environment, boolean terminal,
               Supplier<ScreenSize> screenSize) {
        this.venues = venues;
        this.environment = environment;
        this.terminal = terminal;
        this.screenSize = screenSize;
    }

    /**
     * Makes standard output behave like a pipe whose reader goes away ({@code | head}) once
     * {@code bytes} were written: every later write fails with "Broken pipe", as System.out's would.
     */
    CliHarness pipeClosesAfter(long bytes) {
        this.pipeClosesAfter = bytes;
        return this;
    }

    /** Runs {@code args} and returns the exit code. */
    int run(String... args) {
        return new ExfluxCli(context()).run(args);
    }

    /** The context a run gets: captured streams, the harness's hooks and screen size. */
    CliContext context() {
        OutputStream stdout = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                synchronized (out) {
                    if (out.size() + length > pipeClosesAfter) {
                        throw new IOException("Broken pipe");
                    }
                    out.write(bytes, offset, length);
                }
            }
        };
        CliContext context = new CliContext(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, terminal, Clock.systemUTC(),
                Schedulers.parallel(), venues, action -> {
                    synchronized (hooks) {
                        hooks.add(action);
                    }
                    return () -> {
                        synchronized (hooks) {
                            hooks.remove(action);
                        }
                    };
                }, screenSize);
        return context;
    }

    /** Presses Ctrl-C: runs the registered shutdown hooks as the JVM would. */
    void pressCtrlC() {
        List<Runnable> registered;
        synchronized (hooks) {
            registered = List.copyOf(hooks);
        }
        registered.forEach(Runnable::run);
    }

    boolean hasHook() {
        synchronized (hooks) {
            return !hooks.isEmpty();
        }
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
