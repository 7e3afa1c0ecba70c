package io.exflux.samples.cli.venue;

import io.exflux.api.ExchangeClient;
import io.exflux.api.config.Credentials;
import io.exflux.testkit.sim.SimulatedVenue;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every venue of the CLI does alike: by default a session talks to the venue's embedded simulator (started
 * for the session on loopback, warmed up by {@value #WARM_UP_STEPS} market steps when its generator runs, with a
 * funded demo account for private commands, closed with the session); with {@code --live} it talks to the venue,
 * or to the URL given. A venue says how to start its simulator and how to make its client.
 *
 * @param <S> the venue's simulator
 */
public abstract class EmbeddedSimulatorConnector<S extends SimulatedVenue> implements VenueConnector {

    /**
     * Market steps run at once when the simulator starts, so that the first command already sees a
     * trade tape, a ticker and a candle instead of an empty venue.
     */
    static final int WARM_UP_STEPS = 40;

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(5);

    /** A client and the REST address it talks to (shown to the user). */
    protected record Client(ExchangeClient client, String restUrl) {
    }

    @Override
    public final VenueSession open(ConnectRequest request) {
        return request.live() ? live(request) : simulated(request);
    }

    /** The venue's name for people, e.g. {@code ALP}. */
    protected abstract String displayName();

    /** What a demo account holds at the start. */
    protected abstract Map<String, BigDecimal> demoFunds();

    /** Starts the embedded simulator; the session closes it. */
    protected abstract S startSimulator();

    /** A client of the running simulator, as the demo account when {@code credentials} is given. */
    protected abstract ExchangeClient simulatedClient(S simulator, Credentials credentials);

    /** Opens a demo account on the simulator, funded with {@link #demoFunds()}. */
    protected abstract Credentials demoAccount(S simulator);

    /**
     * A client of the venue itself.
     *
     * @param restUrl     the REST URL the user gave, or {@code null} for the venue's
     * @param wsUrl       the websocket URL the user gave, or {@code null} for the venue's
     * @param credentials the user's, or {@code null} for public commands
     */
    protected abstract Client liveClient(URI restUrl, URI wsUrl, Credentials credentials);

    private VenueSession live(ConnectRequest request) {
        Credentials credentials = request.privateAccess() ? request.credentials().get() : null;
        Client live = liveClient(request.restUrl(), request.websocketUrl(), credentials);
        return new VenueSession(live.client(), "live " + displayName() + " at " + live.restUrl(), List.of());
    }

    private VenueSession simulated(ConnectRequest request) {
        S simulator = startSimulator();
        try {
            if (simulator.generator().isRunning()) {
                for (int i = 0; i < WARM_UP_STEPS; i++) {
                    simulator.generator().step().block(STEP_TIMEOUT);
                }
            }
            Credentials demo = request.privateAccess() ? demoAccount(simulator) : null;
            ExchangeClient client = simulatedClient(simulator, demo);
            return new VenueSession(client, "embedded " + displayName() + " simulator on 127.0.0.1:" + simulator.port()
                    + (demo != null ? ", demo account funded with " + describe(demoFunds()) : ""), List.of(simulator));
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    /** {@code 100000 USDT, 2 BTC, 20 ETH}, in the map's order. */
    static String describe(Map<String, BigDecimal> funds) {
        return String.join(", ", funds.entrySet().stream().map(e -> e.getValue().toPlainString() + " " + e.getKey())
                .toList());
    }

    /** Funds in the order given: currency, amount, currency, amount... */
    static Map<String, BigDecimal> funds(String... currencyAndAmount) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (int i = 0; i < currencyAndAmount.length; i += 2) {
            out.put(currencyAndAmount[i], new BigDecimal(currencyAndAmount[i + 1]));
        }
        return Collections.unmodifiableMap(out);
    }
}
