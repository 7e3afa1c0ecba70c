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
public final class V1SimServer extends ForwardedSimServer<V1Simulator> {

    /** What the demo account holds at the start: the CLI's embedded simulator's demo funds. */
    public static final Map<String, BigDecimal> DEMO_FUNDS = V1Connector.DEMO_FUNDS;

    private final ApiKeys.ApiKey account;

    private V1SimServer(V1Simulator simulator, LoopbackForwarder forwarder, long seed) {
        super(simulator, forwarder, seed);
        this.account = simulator.createAccount(DEMO_FUNDS);
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
        return forward(V1Simulator.start(options), port,
                (simulator, forwarder) -> new V1SimServer(simulator, forwarder, seed));
    }

    /** {@code http://127.0.0.1:<port>/api/v1}. */
    public String restUrl() {
        return http("/api/v1");
    }

    /** {@code ws://127.0.0.1:<port>/socket.io/}. */
    public String socketUrl() {
        return ws("/socket.io/");
    }

    /** The demo account's key and secret: printed by {@code exflux sim}, for a simulator only. */
    public ApiKeys.ApiKey demoAccount() {
        return account;
    }

    @Override
    public void describe(PrintStream out) {
        V1Dialect dialect = simulator.dialect();
        String venue = dialect.venue();
        String funds = funds(DEMO_FUNDS);
        String book = dialect == V1Dialect.BITEXBIT ? "/orderbook/BTC_USD/" : "/orderbook/?pair=BTC_USD";
        headline(out, venue + " simulator (v1 platform)");
        out.println("  REST        " + restUrl());
        out.println("  charts      " + http("/api/charts/<pair>/<type>/chart"));
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
}
