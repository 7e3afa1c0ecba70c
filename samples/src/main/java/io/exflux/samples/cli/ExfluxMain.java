package io.exflux.samples.cli;

import java.time.Clock;
import reactor.core.scheduler.Schedulers;

/** The {@code exflux} program: the real streams, environment, clock, terminal and JVM shutdown hooks. */
public final class ExfluxMain {

    private ExfluxMain() {
    }

    public static void main(String[] args) {
        int code;
        try (ConsoleTerminal console = ConsoleTerminal.open(System.console() != null, System.getenv())) {
            CliContext context = new CliContext(System.out, System.err, System.getenv(), console.redrawable(),
                    Clock.systemUTC(), Schedulers.parallel(), Venues.registry(), ShutdownHooks.jvm(), console.size());
            code = new ExfluxCli(context).run(args);
        }
        System.exit(code);
    }

}
