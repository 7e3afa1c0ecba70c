package io.exflux.samples.cli.sim;

import io.exflux.samples.cli.venue.CredentialSource;
import io.exflux.testkit.btse.BtseSimulator;
import io.exflux.testkit.btse.BtseSimulatorOptions;
import io.exflux.testkit.sim.ApiKeys;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * BTSE's simulator as a server for {@code exflux sim --venue btse}: REST under {@code /spot}, the main
 * websocket {@code /ws/spot} and the order-book websocket {@code /ws/oss/spot} on one loopback port, the
 * market generator running, 90 days of candles, and one demo account funded with {@link #DEMO_FUNDS}.
 */
public final class BtseSimServer implements SimServer {

    /** What the demo account holds at the start. */
    public static final Map<String, BigDecimal> DEMO_FUNDS = Map.of(
            "USD", new BigDecimal("100000"), "BTC", new BigDecimal("2"), "ETH", new BigDecimal("20"));

    private final BtseSimulator simulator;
    private final LoopbackForwarder forwarder;
    private final ApiKeys.ApiKey account;
    private final long seed;

    private BtseSimServer(BtseSimulator simulator, LoopbackForwarder forwarder, ApiKeys.ApiKey account, long seed) {
        this.simulator = simulator;
        this.forwarder = forwarder;
        this.account = account;
        this.seed = seed;
    }

    /**
     * Starts the simulator.
     *
     * @throws UncheckedIOException when {@code port} cannot be listened on
     */
    public static BtseSimServer start(int port, long seed) {
        BtseSimulatorOptions options = BtseSimulatorOptions.builder()
                .generator(BtseSimulatorOptions.defaults().generator().withSeed(seed))
                .candleHistory(AlpSimServer.CANDLE_HISTORY)
                .build();
        BtseSimulator simulator = BtseSimulator.start(options);
        try {
            LoopbackForwarder forwarder = LoopbackForwarder.onPort(port, simulator.port());
            return new BtseSimServer(simulator, forwarder, simulator.createAccount(DEMO_FUNDS), seed);
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

    /** {@code http://127.0.0.1:<port>/spot}. */
    public String restUrl() {
        return "http://127.0.0.1:" + port() + "/spot";
    }

    /** {@code ws://127.0.0.1:<port>/ws/spot}. */
    public String websocketUrl() {
        return "ws://127.0.0.1:" + port() + "/ws/spot";
    }

    /** {@code ws://127.0.0.1:<port>/ws/oss/spot}. */
    public String orderBookWebsocketUrl() {
        return "ws://127.0.0.1:" + port() + "/ws/oss/spot";
    }

    /** The demo account's key and secret: printed by {@code exflux sim}, for a simulator only. */
    public ApiKeys.ApiKey demoAccount() {
        return account;
    }

    @Override
    public void describe(PrintStream out) {
        String funds = String.join(", ", new TreeMap<>(DEMO_FUNDS).entrySet().stream()
                .map(e -> e.getValue().toPlainString() + " " + e.getKey()).toList());
        out.println("exflux sim: btse simulator (spot API v3.2) on 127.0.0.1:" + port()
                + ", market generator running (seed " + seed + ")");
        out.println("  REST        " + restUrl());
        out.println("  websocket   " + websocketUrl());
        out.println("  book socket " + orderBookWebsocketUrl());
        out.println("  demo account funded with " + funds + " (a simulator's, not a secret)");
        out.println("  user        " + simulator.username(account) + " <" + simulator.email(account) + ">");
        out.println("  api key     " + account.key());
        out.println("  api secret  " + account.secret());
        out.println();
        out.println("From another shell:");
        out.println("  export " + CredentialSource.keyVariable("btse") + "=" + account.key());
        out.println("  export " + CredentialSource.secretVariable("btse") + "=" + account.secret());
        out.println("  curl " + restUrl() + "/api/v3.2/market_summary");
        out.println("  curl '" + restUrl() + "/api/v3.2/orderbook/L2?symbol=BTC-USD&depth=5'");
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
