package io.exflux.samples.soak;

import io.exflux.api.ExchangeClient;
import io.exflux.reactive.venue.alp.AlpExchangeClient;
import io.exflux.reactive.venue.alp.AlpOptions;
import io.exflux.samples.cli.venue.AlpConnector;
import io.exflux.testkit.alp.AlpAccount;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.sim.GeneratorSettings;

/**
 * The ALP simulator under soak: BTC/USDT and ETH/USDT, the generator seeded, an account funded as the CLI's demo
 * one.
 */
final class AlpSoakVenue extends SimulatedSoakVenue {

    private final AlpSimulator simulator;
    private final AlpAccount account;

    private AlpSoakVenue(AlpSimulator simulator, AlpAccount account) {
        super(simulator, account.id(), true);
        this.simulator = simulator;
        this.account = account;
    }

    static AlpSoakVenue start(long seed) {
        AlpSimulator simulator = AlpSimulator.start(AlpSimulatorOptions.builder()
                .generator(GeneratorSettings.defaults().withSeed(seed))
                .build());
        try {
            return new AlpSoakVenue(simulator, simulator.createAccount(AlpConnector.DEMO_FUNDS));
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    @Override
    public String id() {
        return "alp";
    }

    @Override
    public String restUrl() {
        return simulator.restBaseUrl();
    }

    @Override
    public String websocketUrl() {
        return simulator.websocketUrl();
    }

    @Override
    public ExchangeClient client(String restUrl, String websocketUrl) {
        return AlpExchangeClient.create(AlpOptions.builder()
                .restUrl(restUrl)
                .wsUrl(websocketUrl)
                .credentials(account.credentials())
                .build());
    }
}
