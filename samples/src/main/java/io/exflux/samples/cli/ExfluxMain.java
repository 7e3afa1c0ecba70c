package io.exflux.samples.cli;

import java.time.Clock;
import reactor.core.scheduler.Schedulers;

/** The {@code exflux} program: the real streams, environment, clock and JVM shutdown hooks. */
public final class ExfluxMain {

    private ExfluxMain() {
    }

    public static void main(String[] args) {
        boolean terminal = CliContext.isTerminal(System.console() != null, System.getenv());
        CliContext context = new CliContext(System.out, System.err, System.getenv(), terminal,
                Clock.systemUTC(), Schedulers.parallel(), Venues.registry(), ShutdownHooks.jvm());
        int code = new ExfluxCli(context).run(args);
        System.exit(code);
    }

}
