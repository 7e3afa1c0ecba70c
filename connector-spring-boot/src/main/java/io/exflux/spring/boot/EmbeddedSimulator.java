package io.exflux.spring.boot;

import io.exflux.testkit.sim.SimulatedVenue;
import java.util.Set;
import org.springframework.util.ClassUtils;

/**
 * A venue's embedded simulator started for {@code exflux.venues.<name>.simulator=true}: the client of that entry
 * talks to it instead of the venue. A bean, closed with the context after the client. Needs
 * {@code io.exflux:connector-testkit} on the class path; without it, the property is refused when bound.
 */
public final class EmbeddedSimulator implements AutoCloseable {

    private static final String TESTKIT_CLASS = "io.exflux.testkit.sim.SimulatedVenue";
    private static final Set<String> SIMULATED = Set.of("alp", "btc-alpha", "bitexbit");

    private final String venue;
    private final SimulatedVenue simulated;
    private final String restUrl;
    private final String wsUrl;
    private final String demoKey;
    private final String demoSecret;

    EmbeddedSimulator(String venue, SimulatedVenue simulated, String restUrl, String wsUrl, String demoKey,
            String demoSecret) {
        this.venue = venue;
        this.simulated = simulated;
        this.restUrl = restUrl;
        this.wsUrl = wsUrl;
        this.demoKey = demoKey;
        this.demoSecret = demoSecret;
    }

    /** Whether {@code venue} has a simulator here: the testkit is on the class path and simulates it. */
    static boolean available(String venue) {
        return SIMULATED.contains(venue) && ClassUtils.isPresent(TESTKIT_CLASS, EmbeddedSimulator.class.getClassLoader());
    }

    /** Why {@link #available} is false, for the validation message. */
    static String unavailableReason(String venue) {
        return SIMULATED.contains(venue)
                ? "needs io.exflux:connector-testkit on the class path"
                : "no embedded simulator for venue '" + venue + "' (there are: " + SIMULATED + ")";
    }

    /** The venue id simulated. */
    public String venue() {
        return venue;
    }

    /** The simulator itself: its market, its server's recorded frames, its faults. */
    public SimulatedVenue simulatedVenue() {
        return simulated;
    }

    /** The REST base URL the client is given. */
    public String restUrl() {
        return restUrl;
    }

    /** The websocket URL the client is given. */
    public String wsUrl() {
        return wsUrl;
    }

    /**
     * The API key of the simulator's funded demo account (100000 of the quote currency, 2 BTC, 20 ETH), which the
     * client uses when its entry names no key. A simulator's, not a secret worth keeping.
     */
    public String demoApiKey() {
        return demoKey;
    }

    /** The API secret of the demo account. */
    public String demoApiSecret() {
        return demoSecret;
    }

    /** Stops the simulator: its market, connections and socket. */
    @Override
    public void close() {
        simulated.close();
    }

    @Override
    public String toString() {
        return "EmbeddedSimulator[" + venue + " at " + restUrl + "]";
    }
}
