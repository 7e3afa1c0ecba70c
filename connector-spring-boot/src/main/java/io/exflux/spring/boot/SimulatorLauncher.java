package io.exflux.spring.boot;

import io.exflux.testkit.alp.AlpAccount;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.v1.V1Dialect;
import io.exflux.testkit.v1.V1Simulator;
import java.math.BigDecimal;
import java.util.Map;

/** Starts the testkit's simulators; loaded only when the testkit is on the class path. */
final class SimulatorLauncher {

    private SimulatorLauncher() {
    }

    /**
     * Starts the simulator of {@code venue} on 127.0.0.1 and a free port, its market generator running, with a
     * demo account funded with 100000 of the quote currency, 2 BTC and 20 ETH.
     */
    static EmbeddedSimulator start(String venue) {
        if (venue.equals("alp")) {
            AlpSimulator alp = AlpSimulator.start();
            AlpAccount demo = alp.createAccount(funds("USDT"));
            return new EmbeddedSimulator(venue, alp, alp.restBaseUrl(), alp.websocketUrl(), demo.apiKey(),
                    demo.apiSecret());
        }
        V1Dialect dialect = V1Dialect.byVenue(venue);
        if (dialect == null) {
            throw new IllegalArgumentException(EmbeddedSimulator.unavailableReason(venue));
        }
        V1Simulator v1 = V1Simulator.start(dialect);
        ApiKeys.ApiKey demo = v1.createAccount(funds("USD"));
        // the client's ws-url is the host: it adds the socket path itself
        return new EmbeddedSimulator(venue, v1, v1.apiRootUrl(), v1.socketUrl().replace("/socket.io/", ""),
                demo.key(), demo.secret());
    }

    private static Map<String, BigDecimal> funds(String quote) {
        return Map.of(quote, new BigDecimal("100000"), "BTC", new BigDecimal("2"), "ETH", new BigDecimal("20"));
    }
}
