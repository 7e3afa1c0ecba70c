package io.exflux.samples.cli.venue;

import io.exflux.api.ExchangeClient;
import io.exflux.reactive.venue.alp.AlpExchangeClient;
import io.exflux.reactive.venue.alp.AlpOptions;
import io.exflux.testkit.alp.AlpAccount;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.sim.GeneratorSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * ALP.COM: the real {@link AlpExchangeClient}, pointed at the embedded {@link AlpSimulator} (started
 * in-process on loopback, with a market generator) or, with {@code --live}, at the venue.
 */
public final class AlpConnector implements VenueConnector {

    /** What a demo account on the simulator starts with. */
    public static final Map<String, BigDecimal> DEMO_FUNDS = Map.of(
            "USDT", new BigDecimal("100000"), "BTC", new BigDecimal("2"), "ETH", new BigDecimal("20"));

    /**
     * Market steps run at once when the simulator starts, so that the first command already sees a
     * trade tape, a ticker and a candle instead of an empty venue.
     */
    static final int WARM_UP_STEPS = 40;

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
    public VenueSession open(ConnectRequest request) {
        return request.live() ? live(request) : simulated(request);
    }

    private VenueSession live(ConnectRequest request) {
        AlpOptions.Builder options = AlpOptions.builder()
                .restUrl(request.restUrl() != null ? request.restUrl() : AlpOptions.DEFAULT_REST_URL)
                .wsUrl(request.websocketUrl() != null ? request.websocketUrl() : AlpOptions.DEFAULT_WS_URL);
        if (request.privateAccess()) {
            options.credentials(request.credentials().get());
        }
        AlpOptions built = clientSettings.apply(options).build();
        return new VenueSession(client(built), "live ALP at " + built.restUrl(), List.of());
    }

    private VenueSession simulated(ConnectRequest request) {
        AlpSimulator simulator = AlpSimulator.start(simulatorOptions);
        try {
            if (simulatorOptions.generatorEnabled()) {
                for (int i = 0; i < WARM_UP_STEPS; i++) {
                    simulator.generator().step().block(Duration.ofSeconds(5));
                }
            }
            AlpOptions.Builder options = AlpOptions.builder()
                    .restUrl(simulator.restBaseUrl())
                    .wsUrl(simulator.websocketUrl());
            if (request.privateAccess()) {
                AlpAccount account = simulator.createAccount(DEMO_FUNDS);
                options.credentials(account.credentials());
            }
            ExchangeClient client = client(clientSettings.apply(options).build());
            return new VenueSession(client, "embedded ALP simulator on 127.0.0.1:" + simulator.port()
                    + (request.privateAccess() ? ", demo account funded with 100000 USDT, 2 BTC, 20 ETH" : ""),
                    List.of(simulator));
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    private static ExchangeClient client(AlpOptions options) {
        return AlpExchangeClient.create(options);
    }
}
