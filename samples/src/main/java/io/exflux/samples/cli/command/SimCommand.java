package io.exflux.samples.cli.command;

import io.exflux.samples.cli.CliContext;
import io.exflux.samples.cli.CliException;
import io.exflux.samples.cli.ExfluxCommand;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.ShutdownHooks;
import io.exflux.samples.cli.sim.SimServer;
import io.exflux.samples.cli.sim.SimServers;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code exflux sim}: a venue's simulator as a standalone server on loopback, REST and websocket, with
 * its market generator running and a funded demo account whose key and secret it prints, until Ctrl-C.
 * {@code exflux} commands ({@code --url}, {@code --ws-url}), curl or a program in any language then talk
 * to one venue that keeps its state: the id {@code place} prints can be cancelled.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, versionProvider = ExfluxCommand.Version.class,
        description = "Run a venue's simulator as a server (REST + websocket, demo account) until Ctrl-C.")
public final class SimCommand implements Callable<Integer> {

    /** The venues with a simulator. */
    static final String SIMULATED = String.join(", ", SimServers.VENUES);

    @ParentCommand
    ExfluxCommand parent;

    @Option(names = "--venue", defaultValue = "alp", paramLabel = "VENUE",
            description = "The venue to simulate: alp, btc-alpha, bitexbit or btse (default: ${DEFAULT-VALUE}).")
    String venue;

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1 (default: any free port).")
    int port;

    @Option(names = "--seed", description = "Market generator seed: the same seed, the same market (default: random).")
    Long seed;

    @Option(names = "--duration", converter = Parsing.DurationConverter.class,
            description = "Stop after this long (default: until Ctrl-C).")
    Duration duration;

    @Override
    public Integer call() {
        if (!SimServers.simulated(venue)) {
            throw new CliException(ExitCodes.UNSUPPORTED, "venue '" + venue + "' has no simulator yet (simulated: "
                    + SIMULATED + ")");
        }
        if (port < 0 || port > 65535) {
            throw new CliException(ExitCodes.USAGE, "--port must be between 0 and 65535: " + port);
        }
        CliContext context = parent.context();
        long chosenSeed = seed != null ? seed : System.nanoTime();
        SimServer server;
        try {
            server = SimServers.start(venue, port, chosenSeed);
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCodes.UNAVAILABLE, e.getMessage());
        }
        try {
            server.describe(context.out());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return waitForStop(context, server) ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    /** Waits for Ctrl-C or {@code --duration}, then stops the server; true when stopped by Ctrl-C. */
    private boolean waitForStop(CliContext context, SimServer server) {
        Sinks.Empty<Void> interrupt = Sinks.empty();
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch closed = new CountDownLatch(1);
        ShutdownHooks.Registration hook = context.hooks().register(() -> {
            interrupted.set(true);
            interrupt.tryEmitEmpty();
            try {
                closed.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            Mono<Void> stop = duration == null ? interrupt.asMono()
                    : Mono.firstWithSignal(interrupt.asMono(), Mono.delay(duration, context.timer()).then());
            stop.block();
            return interrupted.get();
        } finally {
            server.close();
            closed.countDown();
            hook.close();
        }
    }
}
