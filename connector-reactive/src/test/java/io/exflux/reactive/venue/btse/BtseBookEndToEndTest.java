package io.exflux.reactive.venue.btse;

import static io.exflux.reactive.venue.btse.BtseEndToEndTest.BTC_USD;
import static io.exflux.reactive.venue.btse.BtseEndToEndTest.WAIT;
import static io.exflux.reactive.venue.btse.BtseEndToEndTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.testkit.btse.BtseSimulator;
import io.exflux.testkit.btse.BtseSimulatorOptions;
import io.exflux.testkit.server.RecordedFrame;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.SimOrderRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;

/**
 * {@code watchOrderBook} against the simulator's book: equal after a forced sequence gap, after a crossed
 * book, and after each of 50 forced disconnects (every websocket dropped with a TCP reset, the book changed
 * while the client is away).
 */
class BtseBookEndToEndTest {

    private static final int DEPTH = 20;
    private BtseSimulator sim;
    private BtseExchangeClient client;
    private ApiKeys.ApiKey trader;
    private final List<OrderBook> books = new CopyOnWriteArrayList<>();
    private Disposable watching;
    private final AtomicInteger price = new AtomicInteger(60_000);

    @RegisterExtension
    static final ClassResources resources = new ClassResources();


    @BeforeEach
    void start() {
        sim = BtseSimulator.start(BtseSimulatorOptions.builder().generatorEnabled(false).unthrottled().build());
        trader = sim.createAccount(Map.of("USD", new BigDecimal("100000000"), "BTC", new BigDecimal("1000")));
        client = BtseExchangeClient.create(BtseEndToEnd.options(sim, resources.get()).build());
        for (int i = 0; i < 5; i++) {
            change();
        }
        watching = client.watchOrderBook(BTC_USD, DEPTH).subscribe(books::add);
    }

    @AfterEach
    void stop() {
        watching.dispose();
        client.closeGracefully().block(WAIT);
        sim.close();
    }

    @Test
    void theWatchedBookEqualsTheVenuesAfterAGapACrossingAndFiftyDisconnects() {
        awaitSameBook();

        int subscribes = subscribeFrames();
        sim.forceSequenceGap("BTC-USD");
        change();
        await(() -> subscribeFrames() > subscribes);
        awaitSameBook();

        int beforeCrossing = subscribeFrames();
        sim.forceCrossedBook("BTC-USD");
        await(() -> subscribeFrames() > beforeCrossing);
        change();
        awaitSameBook();
        assertThat(last().isCrossed()).isFalse();

        for (int i = 0; i < 50; i++) {
            sim.dropAllWebsockets();
            change();
            awaitSameBook();
        }
        assertThat(sim.server().sessions().stream().filter(s -> s.path().equals("/ws/oss/spot")).count())
                .as("a new order-book socket after each disconnect").isGreaterThanOrEqualTo(51);
    }

    /** One more bid and one more ask, a tick apart from the last: the book changes at the top. */
    private void change() {
        int p = price.incrementAndGet();
        sim.simulator().place(SimOrderRequest.limit(trader.accountId(), BTC_USD, Side.BUY, "0.01", Integer.toString(p - 10_000)))
                .block(WAIT);
        sim.simulator().place(SimOrderRequest.limit(trader.accountId(), BTC_USD, Side.SELL, "0.01", Integer.toString(p + 10_000)))
                .block(WAIT);
    }

    private int subscribeFrames() {
        int n = 0;
        for (RecordedFrame f : sim.server().frames()) {
            if (f.text().contains("\"subscribe\"") && f.text().contains("update:BTC-USD")) {
                n++;
            }
        }
        return n;
    }

    private OrderBook last() {
        return books.isEmpty() ? null : books.get(books.size() - 1);
    }

    private void awaitSameBook() {
        await(() -> {
            OrderBook mine = last();
            OrderBook venue = sim.book("BTC-USD", DEPTH);
            return mine != null && !mine.stale() && same(mine.bids(), venue.bids()) && same(mine.asks(), venue.asks());
        });
    }

    private static boolean same(List<PriceLevel> a, List<PriceLevel> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).price().compareTo(b.get(i).price()) != 0 || a.get(i).amount().compareTo(b.get(i).amount()) != 0) {
                return false;
            }
        }
        return true;
    }
}
