package io.exflux.samples.cli;

import io.exflux.samples.cli.venue.VenueRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.scheduler.Schedulers;

/** Runs the CLI in-process with captured output, a given environment and a Ctrl-C the test can press. */
final class CliHarness {

    private final VenueRegistry venues;
    private final Map<String, String> environment;
    private final boolean terminal;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final List<Runnable> hooks = new ArrayList<>();

    CliHarness(VenueRegistry venues, Map<String, String> environment, boolean terminal) {
        this.venues = venues;
        this.environment = environment;
        this.terminal = terminal;
    }

    /** Runs {@code args} and returns the exit code. */
    int run(String... args) {
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
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
                });
        return new ExfluxCli(context).run(args);
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
