package io.exflux.reactive.venue.btse;

import static io.exflux.reactive.venue.btse.BtseEndToEndTest.BTC_USD;
import static io.exflux.reactive.venue.btse.BtseEndToEndTest.WAIT;
import static io.exflux.reactive.venue.btse.BtseEndToEndTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.config.Credentials;
import io.exflux.api.model.Fill;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.Side;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.testkit.btse.BtseSimulator;
import io.exflux.testkit.btse.BtseSimulatorOptions;
import io.exflux.testkit.chaos.ChaosFault;
import io.exflux.testkit.chaos.ChaosProxy;
import io.exflux.testkit.chaos.Direction;
import io.exflux.testkit.sim.ApiKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;

/**
 * {@code watchFills} across a lost logged-in socket, against the BTSE simulator behind a chaos proxy: the orders of
 * the account fill while nothing reaches the client (the proxy holds what the simulator sends), the connection is cut,
 * and after the re-login every fill arrives once, in order, from the simulator's trade history.
 */
class BtseFillResyncEndToEndTest {

    @RegisterExtension
    static final ClassResources resources = new ClassResources();

    private BtseSimulator sim;
    private ChaosProxy proxy;
    private final List<BtseExchangeClient> clients = new ArrayList<>();
    private final List<Disposable> subscriptions = new ArrayList<>();


    @BeforeEach
    void start() {
        sim = BtseSimulator.start(BtseSimulatorOptions.builder().generatorEnabled(false).unthrottled().build());
        proxy = ChaosProxy.start("127.0.0.1", sim.port());
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(Disposable::dispose);
        clients.forEach(c -> c.closeGracefully().block(WAIT));
        proxy.close();
        sim.close();
    }

    /**
     * A client whose main websocket host (the logged-in one) goes through the proxy; REST goes straight. Its stall
     * watchdog is off and its pings are 59 s apart (a missing pong drops the socket a ping interval later): only the
     * test's cut ends the stall, however slowly the machine runs, so the fills made meanwhile can reach the
     * subscriber only from the trade history.
     */
    private BtseExchangeClient client(ApiKeys.ApiKey account) {
        BtseExchangeClient client = BtseExchangeClient.create(BtseEndToEnd.options(sim, resources.get())
                .streamOptions(StreamOptions.builder().unsubscribeGrace(Duration.ofMillis(50))
                        .backoff(Backoff.fullJitter(Duration.ofMillis(10), Duration.ofMillis(50)))
                        .stallTimeout(Duration.ZERO).build())
                .pingInterval(Duration.ofSeconds(59))
                .wsUrl(proxy.url(sim.websocketUrl()))
                .credentials(Credentials.of(account.key(), account.secret())).build());
        clients.add(client);
        return client;
    }

    /** The maker's resting sell of {@code amount} at 70,000, taken at once by the taker. */
    private static void trade(BtseExchangeClient maker, BtseExchangeClient taker, String amount) {
        maker.placeOrder(OrderRequest.limit(BTC_USD, Side.SELL, new BigDecimal(amount), new BigDecimal("70000")))
                .block(WAIT);
        taker.placeOrder(OrderRequest.limit(BTC_USD, Side.BUY, new BigDecimal(amount), new BigDecimal("70000")))
                .block(WAIT);
    }

    @Test
    void fillsMadeWhileTheLoggedInSocketWasAwayArriveOnceAndInOrder() {
        BtseExchangeClient maker = client(sim.createAccount(Map.of("BTC", new BigDecimal("1"))));
        BtseExchangeClient taker = client(sim.createAccount(Map.of("USD", new BigDecimal("100000"))));
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        List<Fill> fills = new CopyOnWriteArrayList<>();
        subscriptions.add(maker.connectionEvents().subscribe(events::add));
        subscriptions.add(maker.watchFills().subscribe(fills::add));
        // only the logged-in connection goes to the main host here: connected means logged in and subscribed
        await(() -> events.stream().anyMatch(e -> e instanceof ConnectionEvent.Connected));
        trade(maker, taker, "0.01");
        await(() -> fills.size() == 1);

        proxy.apply(ChaosFault.stall(Direction.SERVER_TO_CLIENT));
        trade(maker, taker, "0.02");
        trade(maker, taker, "0.03");
        await(() -> sim.trades().size() == 3);
        assertThat(fills).as("held in the stalled connection").hasSize(1);
        proxy.apply(ChaosFault.cut());

        await(() -> fills.size() == 3);
        trade(maker, taker, "0.04");
        await(() -> fills.size() == 4);

        assertThat(fills).extracting(fill -> fill.amount().toPlainString())
                .containsExactly("0.01", "0.02", "0.03", "0.04");
        assertThat(fills).extracting(Fill::id).doesNotHaveDuplicates()
                .containsExactlyElementsOf(sim.trades().stream().map(t -> Long.toString(t.id())).toList());
        assertThat(events).noneMatch(e -> e instanceof ConnectionEvent.Gap);
    }
}
