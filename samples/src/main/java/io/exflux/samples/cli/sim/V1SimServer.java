package io.exflux.samples.cli.sim;

import io.exflux.samples.cli.venue.CredentialSource;
import io.exflux.samples.cli.venue.V1Connector;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.v1.V1Dialect;
import io.exflux.testkit.v1.V1Simulator;
import io.exflux.testkit.v1.V1SimulatorOptions;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The v1 platform's simulator (BTC-Alpha or bitexbit) as a server for {@code exflux sim}: REST, charts and
 * the order-book socket on one loopback port, the market generator running, 90 days of candles, and one
 * demo account funded with {@link #DEMO_FUNDS}.
 */
public final class V1SimServer implements SimServer {

    /** What the demo account holds at the start: the CLI's embedded simulator's demo funds. */
    public static final Map<String, BigDecimal> DEMO_FUNDS = V1Connector.DEMO_FUNDS;

    private final V1Simulator simulator;
    private final LoopbackForwarder forwarder;
    private final ApiKeys.ApiKey account;
    private final long seed;

    private V1SimServer(V1Simulator simulator, LoopbackForwarder forwarder, ApiKeys.ApiKey account, long seed) {
        this.simulator = simulator;
        this.forwarder = forwarder;
        this.account = account;
        this.seed = seed;
    }

    /**
     * Starts the simulator of {@code venue} ({@code btc-alpha} or {@code bitexbit}).
     *
     * @throws UncheckedIOException when {@code port} cannot be listened on
     */
    public static V1SimServer start(String venue, int port, long seed) {
        V1Dialect dialect = V1Dialect.byVenue(venue);
        if (dialect == null) {
            throw new IllegalArgumentException("not a v1 venue: " + venue);
        }
        // the markets and generator of the CLI's embedded simulator, so that the same commands work against both
        V1SimulatorOptions options = V1Connector.simulatorOptions(
                io.exflux.reactive.venue.v1.V1Dialect.valueOf(dialect.name()), seed)
                .candleHistory(AlpSimServer.CANDLE_HISTORY)
                .build();
        V1Simulator simulator = V1Simulator.start(options);
        try {
            LoopbackForwarder forwarder = LoopbackForwarder.onPort(port, simulator.port());
            return new V1SimServer(simulator, forwarder, simulator.createAccount(DEMO_FUNDS), seed);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    @Override
    public int port() {
        return forwarder == null ? simulator.port() : forwarder.port();
    }

    @Override
    public long seed() {
        return seed;
    }

    /** {@code http://127.0.0.1:<port>/api/v1}. */
    public String restUrl() {
        return "http://127.0.0.1:" + port() + "/api/v1";
    }

    /** {@code ws://127.0.0.1:<port>/socket.io/}. */
    public String socketUrl() {
        return "ws://127.0.0.1:" + port() + "/socket.io/";
    }

    /** The demo account's key and secret: printed by {@code exflux sim}, for a simulator only. */
    public ApiKeys.ApiKey demoAccount() {
        return account;
    }

    @Override
    public void describe(PrintStream out) {
        V1Dialect dialect = simulator.dialect();
        String venue = dialect.venue();
        String funds = String.join(", ", DEMO_FUNDS.entrySet().stream()
                .map(e -> e.getValue().toPlainString() + " " + e.getKey()).toList());
        String book = dialect == V1Dialect.BITEXBIT ? "/orderbook/BTC_USD/" : "/orderbook/?pair=BTC_USD";
        out.println("exflux sim: " + venue + " simulator (v1 platform) on 127.0.0.1:" + port()
                + ", market generator running (seed " + seed + ")");
        out.println("  REST        " + restUrl());
        out.println("  charts      http://127.0.0.1:" + port() + "/api/charts/<pair>/<type>/chart");
        out.println("  socket      " + socketUrl() + " (engine.io 3 or 4, "
                + (dialect.socketIo() ? "socket.io" : "bare engine.io") + ", channels book_<PAIR>)");
        out.println("  demo account funded with " + funds + " (a simulator's, not a secret)");
        out.println("  api key     " + account.key());
        out.println("  api secret  " + account.secret());
        out.println();
        out.println("From another shell:");
        out.println("  export " + CredentialSource.keyVariable(venue) + "=" + account.key());
        out.println("  export " + CredentialSource.secretVariable(venue) + "=" + account.secret());
        String flags = "--venue " + venue + " --url " + restUrl() + " --ws-url " + socketUrl();
        out.println("  ./exflux place --pair BTC_USD --side buy --amount 0.01 --price 50000 " + flags);
        out.println("  ./exflux orders " + flags);
        out.println("  curl " + restUrl() + "/pairs/");
        out.println("  curl '" + restUrl() + book + "'");
        out.println("Ctrl-C stops the simulator.");
        out.flush();
    }

    @Override
    public void close() {
        try {
            if (forwarder != null) {
                forwarder.close();
            }
        } finally {
            simulator.close();
        }
    }
}
