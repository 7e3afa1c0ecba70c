package io.exflux.samples.cli.sim;

import io.exflux.samples.cli.venue.AlpConnector;
import io.exflux.testkit.alp.AlpAccount;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.sim.GeneratorSettings;
import io.exflux.samples.cli.venue.CredentialSource;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * The ALP simulator as a server for {@code exflux sim}: REST and websocket on loopback, the market
 * generator running, and one demo account funded with {@link AlpConnector#DEMO_FUNDS}. On a port the
 * user chose when asked for one.
 */
public final class AlpSimServer extends ForwardedSimServer<AlpSimulator> {

    /** Past candles the standalone simulator serves, so `candles` over the last quarter has a whole series. */
    static final Duration CANDLE_HISTORY = Duration.ofDays(90);

    private final AlpAccount account;

    private AlpSimServer(AlpSimulator simulator, LoopbackForwarder forwarder, long seed) {
        super(simulator, forwarder, seed);
        this.account = simulator.createAccount(AlpConnector.DEMO_FUNDS);
    }

    /**
     * Starts the simulator.
     *
     * @param port the port to listen on, or 0 for any free one
     * @param seed the market generator's seed: the same seed gives the same market
     * @throws UncheckedIOException when {@code port} cannot be listened on (taken, or privileged)
     */
    public static AlpSimServer start(int port, long seed) {
        AlpSimulatorOptions options = AlpSimulatorOptions.builder()
                .generator(GeneratorSettings.defaults().withSeed(seed))
                .candleHistory(CANDLE_HISTORY)
                .build();
        return forward(AlpSimulator.start(options), port,
                (simulator, forwarder) -> new AlpSimServer(simulator, forwarder, seed));
    }

    /** {@code http://127.0.0.1:<port>/api/v3}. */
    public String restUrl() {
        return http("/api/v3");
    }

    /** {@code ws://127.0.0.1:<port>/ws}. */
    public String websocketUrl() {
        return ws("/ws");
    }

    /** The demo account's API key and secret: printed by {@code exflux sim}, for a simulator only. */
    public AlpAccount demoAccount() {
        return account;
    }

    public Map<String, BigDecimal> demoFunds() {
        return AlpConnector.DEMO_FUNDS;
    }

    @Override
    public void describe(PrintStream out) {
        String funds = funds(demoFunds());
        String flags = "--url " + restUrl() + " --ws-url " + websocketUrl();
        headline(out, "ALP simulator");
        out.println("  REST        " + restUrl());
        out.println("  websocket   " + websocketUrl());
        out.println("  demo account funded with " + funds + " (a simulator's, not a secret)");
        out.println("  api key     " + account.apiKey());
        out.println("  api secret  " + account.apiSecret());
        out.println();
        out.println("From another shell:");
        out.println("  export " + CredentialSource.keyVariable("alp") + "=" + account.apiKey());
        out.println("  export " + CredentialSource.secretVariable("alp") + "=" + account.apiSecret());
        out.println("  ./exflux place --pair BTC_USDT --side buy --amount 0.01 --price 50000 " + flags);
        out.println("  ./exflux orders " + flags);
        out.println("  curl " + restUrl() + "/ticker");
        out.println("Ctrl-C stops the simulator.");
        out.flush();
    }
}
