package io.exflux.samples.cli.sim;

import io.exflux.testkit.sim.SimulatedVenue;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * What every venue's {@code exflux sim} server shares: a started simulator, the loopback forwarder that puts it
 * on the port the user asked for, the generator's seed, and closing both in order.
 */
abstract class ForwardedSimServer<S extends SimulatedVenue> implements SimServer {

    final S simulator;
    private final LoopbackForwarder forwarder;
    private final long seed;

    ForwardedSimServer(S simulator, LoopbackForwarder forwarder, long seed) {
        this.simulator = simulator;
        this.forwarder = forwarder;
        this.seed = seed;
    }

    /**
     * Forwards {@code port} to a started simulator and builds the server with {@code server}; the simulator is
     * closed again when either fails, so a taken port leaves nothing running.
     */
    static <S extends SimulatedVenue, T extends SimServer> T forward(S simulator, int port,
                                                                  BiFunction<S, LoopbackForwarder, T> server) {
        try {
            return server.apply(simulator, LoopbackForwarder.onPort(port, simulator.port()));
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    @Override
    public final int port() {
        return forwarder == null ? simulator.port() : forwarder.port();
    }

    @Override
    public final long seed() {
        return seed;
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code path}. */
    final String http(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** {@code ws://127.0.0.1:<port>} followed by {@code path}. */
    final String ws(String path) {
        return "ws://127.0.0.1:" + port() + path;
    }

    /** {@code 100000 USDT, 2 BTC}: the demo funds as the description prints them, currencies in order. */
    static String funds(Map<String, BigDecimal> funds) {
        return String.join(", ", new TreeMap<>(funds).entrySet().stream()
                .map(e -> e.getValue().toPlainString() + " " + e.getKey()).toList());
    }

    /** The first line of every description: which simulator listens where, with which seed. */
    final void headline(PrintStream out, String what) {
        out.println("exflux sim: " + what + " on 127.0.0.1:" + port() + ", market generator running (seed "
                + seed + ")");
    }

    @Override
    public final void close() {
        try {
            if (forwarder != null) {
                forwarder.close();
            }
        } finally {
            simulator.close();
        }
    }
}
