package io.exflux.samples.soak;

import io.exflux.api.ExchangeClient;
import io.exflux.reactive.Exchanges;
import io.exflux.samples.cli.sim.BtseSimServer;
import io.exflux.testkit.btse.BtseSimulator;
import io.exflux.testkit.btse.BtseSimulatorOptions;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.SimOrder;
import java.util.Map;

/**
 * The BTSE simulator under soak: its markets, the generator seeded, an account funded as the CLI's demo one, and a
 * client made by {@link Exchanges} from the same settings a user gives. Both websocket hosts are paths of the one
 * simulator port, so the chaos proxy in front of it carries both; BTSE echoes client order ids and names orders by
 * UUIDs of its own, which the account's orders are reported by.
 */
final class BtseSoakVenue extends SimulatedSoakVenue {

    private static final String MAIN_PATH = "/ws/spot";
    private static final String BOOK_PATH = "/ws/oss/spot";

    private final BtseSimulator simulator;
    private final ApiKeys.ApiKey account;

    private BtseSoakVenue(BtseSimulator simulator, ApiKeys.ApiKey account) {
        super(simulator, account.accountId(), true);
        this.simulator = simulator;
        this.account = account;
    }

    /** Starts the simulator with its generator seeded. */
    static BtseSoakVenue start(long seed) {
        BtseSimulator simulator = BtseSimulator.start(BtseSimulatorOptions.builder()
                .generator(BtseSimulatorOptions.defaults().generator().withSeed(seed))
                .build());
        try {
            return new BtseSoakVenue(simulator, simulator.createAccount(BtseSimServer.DEMO_FUNDS));
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    @Override
    public String id() {
        return "btse";
    }

    @Override
    public String restUrl() {
        return simulator.restBaseUrl();
    }

    /** The main host's URL; the order-book host is the same server under another path. */
    @Override
    public String websocketUrl() {
        return simulator.websocketUrl();
    }

    /** BTSE names orders by its own {@code orderID} (a UUID), not by the engine's number. */
    @Override
    protected String reportedId(SimOrder order) {
        return simulator.orderId(order.id()).orElseGet(() -> super.reportedId(order));
    }

    @Override
    public ExchangeClient client(String restUrl, String websocketUrl) {
        String orderBookUrl = websocketUrl.replace(MAIN_PATH, BOOK_PATH);
        return Exchanges.create(id(), Map.of("rest-url", restUrl, "ws-url", websocketUrl,
                "order-book-ws-url", orderBookUrl, "api-key", account.key(), "api-secret", account.secret()));
    }
}
