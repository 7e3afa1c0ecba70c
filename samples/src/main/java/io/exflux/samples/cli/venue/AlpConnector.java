package io.exflux.samples.cli.venue;

import io.exflux.api.ExchangeClient;
import io.exflux.api.config.Credentials;
import io.exflux.reactive.venue.alp.AlpExchangeClient;
import io.exflux.reactive.venue.alp.AlpOptions;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.sim.GeneratorSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * ALP.COM: the real {@link AlpExchangeClient}, pointed at the embedded {@link AlpSimulator} (started
 * in-process on loopback, with a market generator) or, with {@code --live}, at the venue.
 */
public final class AlpConnector extends EmbeddedSimulatorConnector<AlpSimulator> {

    /** What a demo account on the simulator starts with. */
    public static final Map<String, BigDecimal> DEMO_FUNDS = funds("USDT", "100000", "BTC", "2", "ETH", "20");

    private final AlpSimulatorOptions simulatorOptions;
    private final UnaryOperator<AlpOptions.Builder> clientSettings;

    /** The simulator's defaults, with a fresh market every run (a seed from the clock), and the client's defaults. */
    public AlpConnector() {
        this(AlpSimulatorOptions.builder()
                .generator(GeneratorSettings.defaults().withSeed(System.nanoTime()))
                .build(), builder -> builder);
    }

    /**
     * @param simulatorOptions how the embedded simulator runs (markets, generator, rate limit)
     * @param clientSettings   changes to the client's options after the URLs and credentials are set
     */
    public AlpConnector(AlpSimulatorOptions simulatorOptions, UnaryOperator<AlpOptions.Builder> clientSettings) {
        this.simulatorOptions = simulatorOptions;
        this.clientSettings = clientSettings;
    }

    @Override
    public String venue() {
        return "alp";
    }

    @Override
    protected String displayName() {
        return "ALP";
    }

    @Override
    protected Map<String, BigDecimal> demoFunds() {
        return DEMO_FUNDS;
    }

    @Override
    protected AlpSimulator startSimulator() {
        return AlpSimulator.start(simulatorOptions);
    }

    @Override
    protected Credentials demoAccount(AlpSimulator simulator) {
        return simulator.createAccount(DEMO_FUNDS).credentials();
    }

    @Override
    protected ExchangeClient simulatedClient(AlpSimulator simulator, Credentials credentials) {
        return client(AlpOptions.builder().restUrl(simulator.restBaseUrl()).wsUrl(simulator.websocketUrl()),
                credentials).client();
    }

    @Override
    protected Client liveClient(URI restUrl, URI wsUrl, Credentials credentials) {
        return client(AlpOptions.builder()
                .restUrl(restUrl != null ? restUrl : AlpOptions.DEFAULT_REST_URL)
                .wsUrl(wsUrl != null ? wsUrl : AlpOptions.DEFAULT_WS_URL), credentials);
    }

    private Client client(AlpOptions.Builder options, Credentials credentials) {
        if (credentials != null) {
            options.credentials(credentials);
        }
        AlpOptions built = clientSettings.apply(options).build();
        return new Client(AlpExchangeClient.create(built), String.valueOf(built.restUrl()));
    }
}
