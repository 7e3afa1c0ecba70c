package io.exflux.samples.cli.sim;

import io.exflux.samples.cli.venue.CredentialSource;
import io.exflux.testkit.btse.BtseSimulator;
import io.exflux.testkit.btse.BtseSimulatorOptions;
import io.exflux.testkit.sim.ApiKeys;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * BTSE's simulator as a server for {@code exflux sim --venue btse}: REST under {@code /spot}, the main
 * websocket {@code /ws/spot} and the order-book websocket {@code /ws/oss/spot} on one loopback port, the
 * market generator running, 90 days of candles, and one demo account funded with {@link #DEMO_FUNDS}.
 */
public final class BtseSimServer extends ForwardedSimServer<BtseSimulator> {

    /** What the demo account holds at the start. */
    public static final Map<String, BigDecimal> DEMO_FUNDS = Map.of(
            "USD", new BigDecimal("100000"), "BTC", new BigDecimal("2"), "ETH", new BigDecimal("20"));

    private final ApiKeys.ApiKey account;

    private BtseSimServer(BtseSimulator simulator, LoopbackForwarder forwarder, long seed) {
        super(simulator, forwarder, seed);
        this.account = simulator.createAccount(DEMO_FUNDS);
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
        return forward(BtseSimulator.start(options), port,
                (simulator, forwarder) -> new BtseSimServer(simulator, forwarder, seed));
    }

    /** {@code http://127.0.0.1:<port>/spot}. */
    public String restUrl() {
        return http("/spot");
    }

    /** {@code ws://127.0.0.1:<port>/ws/spot}. */
    public String websocketUrl() {
        return ws("/ws/spot");
    }

    /** {@code ws://127.0.0.1:<port>/ws/oss/spot}. */
    public String orderBookWebsocketUrl() {
        return ws("/ws/oss/spot");
    }

    /** The demo account's key and secret: printed by {@code exflux sim}, for a simulator only. */
    public ApiKeys.ApiKey demoAccount() {
        return account;
    }

    @Override
    public void describe(PrintStream out) {
        String funds = funds(DEMO_FUNDS);
        headline(out, "btse simulator (spot API v3.2)");
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
}
