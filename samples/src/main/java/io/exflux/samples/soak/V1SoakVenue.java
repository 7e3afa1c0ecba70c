package io.exflux.samples.soak;

import io.exflux.api.ExchangeClient;
import io.exflux.reactive.Exchanges;
import io.exflux.samples.cli.sim.V1SimServer;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.v1.V1Dialect;
import io.exflux.testkit.v1.V1Simulator;
import io.exflux.testkit.v1.V1SimulatorOptions;
import java.util.Map;

/**
 * A v1-platform simulator under soak, BTC-Alpha or bitexbit (one dialect each): BTC/USD, ETH/USD and ETH/BTC, the
 * generator seeded and the documented rate limits on, an account funded as the CLI's demo one, and a client made
 * by {@link Exchanges} from the same settings a user gives. The venue keeps no client order ids, and its client
 * has no private stream: orders are told apart by their amounts (see {@link SimulatedSoakVenue}).
 */
final class V1SoakVenue extends SimulatedSoakVenue {

    private final V1Simulator simulator;
    private final ApiKeys.ApiKey account;

    private V1SoakVenue(V1Simulator simulator, ApiKeys.ApiKey account) {
        super(simulator, account.accountId(), false);
        this.simulator = simulator;
        this.account = account;
    }

    /** Starts the simulator of {@code dialect} with its generator seeded. */
    static V1SoakVenue start(V1Dialect dialect, long seed) {
        V1Simulator simulator = V1Simulator.start(V1SimulatorOptions.builder(dialect)
                .generator(V1SimulatorOptions.defaults(dialect).generator().withSeed(seed))
                .build());
        try {
            return new V1SoakVenue(simulator, simulator.createAccount(V1SimServer.DEMO_FUNDS));
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    @Override
    public String id() {
        return simulator.dialect().venue();
    }

    /** The API root: the client adds {@code /v1/...} and {@code /charts/...}. */
    @Override
    public String restUrl() {
        return simulator.apiRootUrl();
    }

    /** The server's root: the client adds the socket path. */
    @Override
    public String websocketUrl() {
        return simulator.server().wsUrl("/");
    }

    @Override
    public ExchangeClient client(String restUrl, String websocketUrl) {
        return Exchanges.create(id(), Map.of("rest-url", restUrl, "ws-url", websocketUrl,
                "api-key", account.key(), "api-secret", account.secret()));
    }
}
