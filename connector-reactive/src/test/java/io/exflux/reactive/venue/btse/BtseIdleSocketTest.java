package io.exflux.reactive.venue.btse;

import static io.exflux.reactive.venue.btse.BtseEndToEndTest.BTC_USD;
import static io.exflux.reactive.venue.btse.BtseEndToEndTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.Trade;
import io.exflux.testkit.btse.BtseSimulator;
import io.exflux.testkit.btse.BtseSimulatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * Past the topics one connection takes, BTSE's client opens another connection to the same host; when the pair that
 * had one of its own is no longer watched, that connection closes, idle, and the pairs on the other one keep their
 * trades and books flowing (their repair listens to their own socket, not to the whole host).
 */
class BtseIdleSocketTest {

    private static final CurrencyPair ETH_USD = CurrencyPair.of("ETH", "USD");
    private static final CurrencyPair ETH_BTC = CurrencyPair.of("ETH", "BTC");

    @RegisterExtension
    static final ClassResources resources = new ClassResources();

    private BtseSimulator sim;
    private BtseExchangeClient client;
    private final List<Disposable> subscriptions = new ArrayList<>();

    @BeforeEach
    void start() {
        sim = BtseSimulator.start(BtseSimulatorOptions.builder().unthrottled().bookInterval(Duration.ofMillis(20))
                .generator(BtseSimulatorOptions.defaults().generator().withStepInterval(Duration.ofMillis(20)))
                .build());
        // two topics a connection: the third pair's book and trades each get a connection of their own
        client = BtseExchangeClient.create(BtseEndToEnd.options(sim, resources.get()).maxTopicsPerConnection(2).build());
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(Disposable::dispose);
        client.closeGracefully().block(Duration.ofSeconds(5));
        sim.close();
    }

    @Test
    void closingTheIdleSecondConnectionLeavesThePairsOfTheFirstFlowing() {
        List<Trade> btcTrades = new CopyOnWriteArrayList<>();
        List<OrderBook> btcBooks = new CopyOnWriteArrayList<>();
        List<OrderBook> ethBooks = new CopyOnWriteArrayList<>();
        subscriptions.add(client.watchTrades(BTC_USD).subscribe(btcTrades::add));
        subscriptions.add(client.watchOrderBook(BTC_USD, 5).subscribe(btcBooks::add));
        subscriptions.add(client.watchTrades(ETH_USD).subscribe());
        subscriptions.add(client.watchOrderBook(ETH_USD, 5).subscribe(ethBooks::add));
        // a book takes its topic only once the market lookup answered, in no set order: the third pair's book
        // must come after both of these to land on a connection of its own
        await(() -> !btcBooks.isEmpty() && !ethBooks.isEmpty());
        Disposable third = Disposables.composite(client.watchTrades(ETH_BTC).subscribe(),
                client.watchOrderBook(ETH_BTC, 5).subscribe());
        // the client counts a socket from its first connect attempt: wait until the venue holds all four open
        await(() -> client.stream().mainSocketCount() == 2 && client.stream().bookSocketCount() == 2
                && sim.openSockets() == 4 && !btcTrades.isEmpty() && !btcBooks.isEmpty());

        third.dispose();
        await(() -> sim.openSockets() == 2);
        int tradesAtClose = btcTrades.size();
        int booksAtClose = btcBooks.size();

        await(() -> btcTrades.size() >= tradesAtClose + 3 && btcBooks.size() >= booksAtClose + 3);
        // a copy: books keep arriving, and a sub-list of the live list fails once it grows
        List<OrderBook> booksSinceClose = List.copyOf(btcBooks);
        assertThat(booksSinceClose.subList(booksAtClose, booksSinceClose.size())).as("never marked stale")
                .noneMatch(OrderBook::stale);
        assertThat(client.stream().mainSocketCount()).isEqualTo(1);
        assertThat(client.stream().bookSocketCount()).isEqualTo(1);
    }
}
