package io.exflux.samples.cli.venue;

import io.exflux.api.ExchangeClient;
import io.exflux.api.config.Credentials;
import io.exflux.api.model.CurrencyPair;
import io.exflux.reactive.venue.v1.V1Dialect;
import io.exflux.reactive.venue.v1.V1ExchangeClient;
import io.exflux.reactive.venue.v1.V1Options;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.v1.V1Simulator;
import io.exflux.testkit.v1.V1SimulatorOptions;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * BTC-Alpha or bitexbit (the v1 platform): the real {@link V1ExchangeClient}, pointed at the embedded
 * {@link V1Simulator} of that venue (started in-process on loopback, with a market generator) or, with
 * {@code --live}, at the venue. The simulator lists USDT markets beside the documents' USD ones, so that the
 * commands' default pair ({@code BTC_USDT}) is there.
 */
public final class V1Connector extends EmbeddedSimulatorConnector<V1Simulator> {

    /** What a demo account on the simulator starts with. */
    public static final Map<String, BigDecimal> DEMO_FUNDS = funds("USD", "100000", "USDT", "100000", "BTC", "2",
            "ETH", "20");

    /** The simulator's markets: the documents' three, and BTC and ETH against USDT. */
    public static final List<MarketSpec> MARKETS = markets();

    private final V1Dialect dialect;
    private final V1SimulatorOptions simulatorOptions;
    private final UnaryOperator<V1Options.Builder> clientSettings;

    /** The simulator's defaults with {@link #MARKETS}, a fresh market every run, and the client's defaults. */
    public V1Connector(V1Dialect dialect) {
        this(dialect, simulatorOptions(dialect, System.nanoTime()).build(), builder -> builder);
    }

    /**
     * @param dialect          which venue
     * @param simulatorOptions how the embedded simulator runs (its dialect must be the same venue)
     * @param clientSettings   changes to the client's options after the URLs and credentials are set
     */
    public V1Connector(V1Dialect dialect, V1SimulatorOptions simulatorOptions,
                       UnaryOperator<V1Options.Builder> clientSettings) {
        if (!simulatorOptions.dialect().name().equals(dialect.name())) {
            throw new IllegalArgumentException("a " + dialect.venue() + " connector needs a "
                    + dialect.venue() + " simulator, not " + simulatorOptions.dialect().venue());
        }
        this.dialect = dialect;
        this.simulatorOptions = simulatorOptions;
        this.clientSettings = clientSettings;
    }

    /** The simulator settings of the CLI (embedded and {@code exflux sim}): {@link #MARKETS}, this seed. */
    public static V1SimulatorOptions.Builder simulatorOptions(V1Dialect dialect, long seed) {
        io.exflux.testkit.v1.V1Dialect simulated = io.exflux.testkit.v1.V1Dialect.valueOf(dialect.name());
        V1SimulatorOptions.Builder builder = V1SimulatorOptions.builder(simulated);
        Map<CurrencyPair, BigDecimal> prices = new HashMap<>(V1SimulatorOptions.defaults(simulated).generator()
                .startPrices());
        prices.put(CurrencyPair.of("BTC", "USDT"), prices.get(CurrencyPair.of("BTC", "USD")));
        prices.put(CurrencyPair.of("ETH", "USDT"), prices.get(CurrencyPair.of("ETH", "USD")));
        return builder.markets(MARKETS).generator(V1SimulatorOptions.defaults(simulated).generator()
                .withStartPrices(prices).withSeed(seed));
    }

    @Override
    public String venue() {
        return dialect.venue();
    }

    @Override
    protected String displayName() {
        return dialect.displayName();
    }

    @Override
    protected Map<String, BigDecimal> demoFunds() {
        return DEMO_FUNDS;
    }

    @Override
    protected V1Simulator startSimulator() {
        return V1Simulator.start(simulatorOptions);
    }

    @Override
    protected Credentials demoAccount(V1Simulator simulator) {
        ApiKeys.ApiKey account = simulator.createAccount(DEMO_FUNDS);
        return Credentials.of(account.key(), account.secret());
    }

    @Override
    protected ExchangeClient simulatedClient(V1Simulator simulator, Credentials credentials) {
        return client(V1Options.builder(dialect).restUrl(simulator.apiRootUrl()).wsUrl(simulator.socketUrl()),
                credentials).client();
    }

    /** A REST URL ending in {@code /v1} (as {@code exflux sim} prints it) is taken as the root above it. */
    @Override
    protected Client liveClient(URI restUrl, URI wsUrl, Credentials credentials) {
        V1Options.Builder options = V1Options.builder(dialect);
        if (restUrl != null) {
            options.restUrl(restUrl.toString().replaceFirst("/v1/?$", ""));
        }
        if (wsUrl != null) {
            options.wsUrl(wsUrl);
        }
        return client(options, credentials);
    }

    private Client client(V1Options.Builder options, Credentials credentials) {
        if (credentials != null) {
            options.credentials(credentials);
        }
        V1Options built = clientSettings.apply(options).build();
        return new Client(V1ExchangeClient.create(built), String.valueOf(built.restUrl()));
    }

    private static List<MarketSpec> markets() {
        List<MarketSpec> out = new ArrayList<>(V1SimulatorOptions.DEFAULT_MARKETS);
        out.add(MarketSpec.of("BTC", "USDT", 3, 8, "0.00000001", "100000000", "0"));
        out.add(MarketSpec.of("ETH", "USDT", 3, 8, "0.00000001", "100000000", "0"));
        return List.copyOf(out);
    }
}
