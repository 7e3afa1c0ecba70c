package io.exflux.samples.cli;

import io.exflux.samples.cli.render.ScreenSize;
import io.exflux.samples.cli.venue.VenueRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.scheduler.Scheduler;

/**
 * Everything a command touches outside itself, so that tests run commands in-process and read what
 * they print.
 *
 * @param out         where results go
 * @param err         where errors, progress and notices go
 * @param environment the process environment (credentials, {@code NO_COLOR})
 * @param terminal    true when {@code out} is an interactive terminal: redraw in place, progress bars
 * @param clock       "now" for default time ranges and headers
 * @param timer       the scheduler that ends a {@code --duration} and paces redraws
 * @param venues      the venues and their connectors
 * @param hooks       where Ctrl-C handling is registered
 * @param screenSize  the terminal's size now (asked again before every frame, so a resize is seen);
 *                    meaningful only when {@code terminal}
 */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> environment, boolean terminal,
                         Clock clock, Scheduler timer, VenueRegistry venues, ShutdownHooks hooks,
                         Supplier<ScreenSize> screenSize) {

    /** A context whose terminal, if any, is the classic 80x24. */
    public CliContext(PrintStream out, PrintStream err, Map<String, String> environment, boolean terminal,
                      Clock clock, Scheduler timer, VenueRegistry venues, ShutdownHooks hooks) {
        this(out, err, environment, terminal, clock, timer, venues, hooks, () -> ScreenSize.CLASSIC);
    }

    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timer, "timer");
        Objects.requireNonNull(venues, "venues");
        Objects.requireNonNull(hooks, "hooks");
        Objects.requireNonNull(screenSize, "screenSize");
    }

    /**
     * Whether to redraw in place: only on an interactive console ({@code System.console()} present, so
     * neither piped nor redirected) whose {@code TERM} is not {@code dumb}.
     */
    public static boolean isTerminal(boolean consolePresent, Map<String, String> environment) {
        return consolePresent && !"dumb".equals(environment.get("TERM"));
    }
}
