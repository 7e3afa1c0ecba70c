package io.exflux.samples.cli.venue;

import io.exflux.api.config.Credentials;
import io.exflux.reactive.venue.btse.BtseExchangeClient;
import io.exflux.reactive.venue.btse.BtseOptions;
import io.exflux.samples.cli.sim.BtseSimServer;
import io.exflux.testkit.btse.BtseSimulator;
import io.exflux.testkit.btse.BtseSimulatorOptions;
import io.exflux.testkit.sim.ApiKeys;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * BTSE spot: the real {@link BtseExchangeClient}, pointed at the embedded {@link BtseSimulator} (started
 * in-process on loopback, with a market generator) or, with {@code --live}, at the venue. A live
 * {@code --ws-url} names the main websocket host; the order-book host is the same URL with {@code /ws/oss/spot}
 * for {@code /ws/spot}. On the simulator a second user, {@value #RECIPIENT} ({@value #RECIPIENT_EMAIL}), is
 * there to receive transfers.
 */
public final class BtseConnector implements VenueConnector {

    /** The simulator's user that {@code exflux transfer} can send to. */
    public static final String RECIPIENT = "friend";
    public static final String RECIPIENT_EMAIL = "friend@sim.btse";

    private final BtseSimulatorOptions simulatorOptions;
    private final UnaryOperator<BtseOptions.Builder> clientSettings;

    /** The simulator's defaults, with a fresh market every run (a seed from the clock), and the client's defaults. */
    public BtseConnector() {
        this(BtseSimulatorOptions.builder()
                .generator(BtseSimulatorOptions.defaults().generator().withSeed(System.nanoTime())).build(), b -> b);
    }

    /**
     * @param simulatorOptions how the embedded simulator runs (markets, generator, rate limits)
     * @param clientSettings   changes to the client's options after the URLs and credentials are set
     */
    public BtseConnector(BtseSimulatorOptions simulatorOptions, UnaryOperator<BtseOptions.Builder> clientSettings) {
        this.simulatorOptions = simulatorOptions;
        this.clientSettings = clientSettings;
    }

    @Override
    public String venue() {
        return "btse";
    }

    @Override
    public VenueSession open(ConnectRequest request) {
        return request.live() ? live(request) : simulated(request);
    }

    private VenueSession live(ConnectRequest request) {
        BtseOptions.Builder options = BtseOptions.builder()
                .restUrl(request.restUrl() != null ? request.restUrl() : BtseOptions.DEFAULT_REST_URL);
        if (request.websocketUrl() != null) {
            options.wsUrl(request.websocketUrl()).orderBookWsUrl(orderBookHost(request.websocketUrl()));
        }
        if (request.privateAccess()) {
            options.credentials(request.credentials().get());
        }
        BtseOptions built = clientSettings.apply(options).build();
        return new VenueSession(BtseExchangeClient.create(built), "live BTSE at " + built.restUrl(), List.of());
    }

    private VenueSession simulated(ConnectRequest request) {
        BtseSimulator simulator = BtseSimulator.start(simulatorOptions);
        try {
            if (simulatorOptions.generatorEnabled()) {
                for (int i = 0; i < AlpConnector.WARM_UP_STEPS; i++) {
                    simulator.generator().step().block(Duration.ofSeconds(5));
                }
            }
            BtseOptions.Builder options = BtseOptions.builder().restUrl(simulator.restBaseUrl())
                    .wsUrl(simulator.websocketUrl()).orderBookWsUrl(simulator.orderBookWebsocketUrl());
            if (request.privateAccess()) {
                ApiKeys.ApiKey account = simulator.createAccount(BtseSimServer.DEMO_FUNDS);
                simulator.createAccount(RECIPIENT, RECIPIENT_EMAIL, Map.of());
                options.credentials(Credentials.of(account.key(), account.secret()));
            }
            BtseExchangeClient client = BtseExchangeClient.create(clientSettings.apply(options).build());
            return new VenueSession(client, "embedded BTSE simulator on 127.0.0.1:" + simulator.port()
                    + (request.privateAccess() ? ", demo account funded with 100000 USD, 2 BTC, 20 ETH; transfers to "
                    + RECIPIENT + " <" + RECIPIENT_EMAIL + ">" : ""), List.of(simulator));
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    /** The order-book host beside a main websocket URL ({@code .../ws/spot} to {@code .../ws/oss/spot}). */
    static URI orderBookHost(URI main) {
        String text = main.toString();
        return URI.create(text.endsWith("/ws/spot") ? text.substring(0, text.length() - "/ws/spot".length()) + "/ws/oss/spot"
                : text);
    }
}
