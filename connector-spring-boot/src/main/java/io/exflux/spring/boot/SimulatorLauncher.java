package io.exflux.spring.boot;

import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.v1.V1Dialect;
import io.exflux.testkit.v1.V1Simulator;

/** Starts the testkit's simulators; loaded only when the testkit is on the class path. */
final class SimulatorLauncher {

    private SimulatorLauncher() {
    }

    /** Starts the simulator of {@code venue} on 127.0.0.1 and a free port, its market generator running. */
    static EmbeddedSimulator start(String venue) {
        if (venue.equals("alp")) {
            AlpSimulator alp = AlpSimulator.start();
            return new EmbeddedSimulator(venue, alp, alp.restBaseUrl(), alp.websocketUrl());
        }
        V1Dialect dialect = V1Dialect.byVenue(venue);
        if (dialect == null) {
            throw new IllegalArgumentException(EmbeddedSimulator.unavailableReason(venue));
        }
        V1Simulator v1 = V1Simulator.start(dialect);
        // the client's ws-url is the host: it adds the socket path itself
        return new EmbeddedSimulator(venue, v1, v1.apiRootUrl(), v1.socketUrl().replace("/socket.io/", ""));
    }
}
