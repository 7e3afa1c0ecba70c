package io.exflux.reactive.internal.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A REST seed racing the socket, replayed: the seed is read at some moment among the events the client receives,
 * events it already holds arrive before or after it, and so do events it lacks. The book kept per order id ends equal
 * to the venue's; a book of price levels replacing itself with the seed cannot (it applies twice what the seed holds,
 * or drops what came before the answer).
 */
class OrderIdBookFeedTest {

    private static final CurrencyPair PAIR = CurrencyPair.of("BTC", "USD");

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    private final OrderIdBookFeed feed = new OrderIdBookFeed(PAIR, Duration.ofSeconds(2), clock);
    private final Sinks.Many<List<BookOp>> socket = Sinks.many().unicast().onBackpressureBuffer();
    private final List<OrderBookUpdate> updates = new CopyOnWriteArrayList<>();
    private Disposable watching;

    @BeforeEach
    void seedTheFirstBook() {
        watching = feed.updates(socket.asFlux()).subscribe(updates::add);
        // bids: #1 100 x 1.0, #2 99 x 2.0; asks: #3 101 x 1.0
        feed.seed(reactor.core.publisher.Mono.just(seed(bid(1, "100", "1.0"), bid(2, "99", "2.0"),
                ask(3, "101", "1.0"))), false).block(Duration.ofSeconds(1));
        assertThat(show(Side.BUY)).containsExactly("100 x 1.0", "99 x 2.0");
    }

    @AfterEach
    void stop() {
        watching.dispose();
        clock.dispose();
    }

    /**
     * The socket lags: the seed already holds a new order, a fill and a cancel that the socket delivers only after
     * the seed arrived; what follows them is newer than the seed.
     */
    @Test
    void eventsTheSeedAlreadyHoldsArrivingAfterItAreNotAppliedTwice() {
        Sinks.One<OrderIdSeed> answer = Sinks.one();
        Disposable asking = feed.seed(answer.asMono(), true).subscribe();
        answer.tryEmitValue(seed(bid(1, "100", "1.0"), bid(4, "100", "0.5"), ask(3, "101", "0.6")));
        changes(new BookOp.Place(4, Side.BUY, new BigDecimal("100"), new BigDecimal("0.5")));
        changes(new BookOp.Fill(3, new BigDecimal("0.4")));
        changes(new BookOp.Remove(2));
        // newer than the seed
        changes(new BookOp.Fill(1, new BigDecimal("0.3")));
        changes(new BookOp.Place(7, Side.BUY, new BigDecimal("98"), new BigDecimal("1")));

        assertThat(show(Side.BUY)).containsExactly("100 x 1.2", "98 x 1");
        assertThat(show(Side.SELL)).containsExactly("101 x 0.6");
        asking.dispose();
    }

    /**
     * The socket is ahead: while the seed is on its way a new order and a fill arrive that it holds, then a cancel
     * and a new order that it lacks; then the answer.
     */
    @Test
    void eventsBetweenTheAskAndTheAnswerAreKeptWhereTheSeedLacksThem() {
        Sinks.One<OrderIdSeed> answer = Sinks.one();
        Disposable asking = feed.seed(answer.asMono(), false).subscribe();
        changes(new BookOp.Place(4, Side.BUY, new BigDecimal("100"), new BigDecimal("0.5")));
        changes(new BookOp.Fill(3, new BigDecimal("0.4")));
        // the venue reads the seed here
        changes(new BookOp.Remove(2));
        changes(new BookOp.Place(7, Side.BUY, new BigDecimal("98"), new BigDecimal("1")));
        answer.tryEmitValue(seed(bid(1, "100", "1.0"), bid(2, "99", "2.0"), bid(4, "100", "0.5"),
                ask(3, "101", "0.6")));

        assertThat(show(Side.BUY)).containsExactly("100 x 1.5", "98 x 1");
        assertThat(show(Side.SELL)).containsExactly("101 x 0.6");
        // and it goes on from there
        changes(new BookOp.Fill(4, new BigDecimal("0.5")));
        assertThat(show(Side.BUY)).containsExactly("100 x 1.0", "98 x 1");
        asking.dispose();
    }

    /** After a reconnect the old book missed changes; the seed wins, and what came after it still applies. */
    @Test
    void aSeedAfterMissedChangesReplacesWhatWasMissedAndKeepsWhatCameAfterIt() {
        Sinks.One<OrderIdSeed> answer = Sinks.one();
        Disposable asking = feed.seed(answer.asMono(), false).subscribe();
        // missed while away: #2 cancelled, #5 placed at 99.5; after the seed was read: #6 placed
        changes(new BookOp.Place(6, Side.SELL, new BigDecimal("102"), new BigDecimal("3")));
        answer.tryEmitValue(seed(bid(1, "100", "1.0"), bid(5, "99.5", "0.2"), ask(3, "101", "1.0")));

        assertThat(show(Side.BUY)).containsExactly("100 x 1.0", "99.5 x 0.2");
        assertThat(show(Side.SELL)).containsExactly("101 x 1.0", "102 x 3");
        asking.dispose();
    }

    /**
     * After a reconnect the old book is no evidence: it missed a fill of #3 that the seed holds, and the same fill
     * amount taken again after the seed brings the old book to the seed's amount while the venue's order shrank.
     */
    @Test
    void afterMissedChangesAChangeArrivingAfterTheSeedIsApplied() {
        Sinks.One<OrderIdSeed> answer = Sinks.one();
        Disposable asking = feed.seed(answer.asMono(), false).subscribe();
        answer.tryEmitValue(seed(bid(1, "100", "1.0"), bid(2, "99", "2.0"), ask(3, "101", "0.6")));
        changes(new BookOp.Fill(3, new BigDecimal("0.4")));
        assertThat(show(Side.SELL)).containsExactly("101 x 0.2");
        asking.dispose();
    }

    /**
     * A change replayed on a seed that would cross it put back an order the seed no longer had (its removal was
     * missed): the seed is taken as it is, never a crossed book.
     */
    @Test
    void aReplayThatWouldCrossTheSeedIsLeftOut() {
        Sinks.One<OrderIdSeed> answer = Sinks.one();
        Disposable asking = feed.seed(answer.asMono(), false).subscribe();
        changes(new BookOp.Place(8, Side.BUY, new BigDecimal("100.5"), new BigDecimal("1")));
        answer.tryEmitValue(seed(bid(1, "100", "1.0"), ask(9, "100.4", "2")));

        assertThat(show(Side.BUY)).containsExactly("100 x 1.0");
        assertThat(show(Side.SELL)).containsExactly("100.4 x 2");
        asking.dispose();
    }

    /**
     * Updates are numbered, a snapshot above every delta before it: a book engine awaiting the snapshot drops the
     * deltas it buffered instead of replaying them onto it.
     */
    @Test
    void aSnapshotIsNumberedAboveEveryDeltaBeforeIt() {
        changes(new BookOp.Place(4, Side.BUY, new BigDecimal("100"), new BigDecimal("0.5")));
        feed.seed(reactor.core.publisher.Mono.just(seed(bid(1, "100", "1.0"), ask(3, "101", "1.0"))), false)
                .block(Duration.ofSeconds(1));
        changes(new BookOp.Remove(1));

        assertThat(updates).extracting(OrderBookUpdate::sequence).isSorted().doesNotHaveDuplicates()
                .allSatisfy(sequence -> assertThat(sequence).isPositive());
        assertThat(updates.get(updates.size() - 2).kind()).isEqualTo(OrderBookUpdate.Kind.SNAPSHOT);
    }

    /** Beyond the worst price of a side the seed cut at its limit, an order it lacks is no sign of anything. */
    @Test
    void anOrderBeyondWhereTheSeedWasCutDoesNotMoveTheFit() {
        Sinks.One<OrderIdSeed> answer = Sinks.one();
        Disposable asking = feed.seed(answer.asMono(), false).subscribe();
        changes(new BookOp.Fill(1, new BigDecimal("0.5")));
        answer.tryEmitValue(new OrderIdSeed(List.of(bid(1, "100", "0.5"), ask(3, "101", "1.0")), false, true));
        // #2 at 99 lies beyond the cut bid side; the fill of #1 is in the seed: nothing is applied twice
        assertThat(show(Side.BUY)).containsExactly("100 x 0.5");
        asking.dispose();
    }

    private void changes(BookOp... ops) {
        socket.tryEmitNext(List.of(ops));
    }

    private static OrderIdSeed seed(OrderIdBook.RestingOrder... orders) {
        return new OrderIdSeed(List.of(orders), true, true);
    }

    private static OrderIdBook.RestingOrder bid(long id, String price, String amount) {
        return new OrderIdBook.RestingOrder(id, Side.BUY, new BigDecimal(price), new BigDecimal(amount));
    }

    private static OrderIdBook.RestingOrder ask(long id, String price, String amount) {
        return new OrderIdBook.RestingOrder(id, Side.SELL, new BigDecimal(price), new BigDecimal(amount));
    }

    /** The levels of a side as a user would see them after every update so far, best first. */
    private List<String> show(Side side) {
        Comparator<BigDecimal> bestFirst = side == Side.BUY ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Map<BigDecimal, BigDecimal> levels = new TreeMap<>(bestFirst);
        for (OrderBookUpdate update : updates) {
            if (update.kind() == OrderBookUpdate.Kind.SNAPSHOT) {
                levels.clear();
            }
            for (PriceLevel level : side == Side.BUY ? update.bids() : update.asks()) {
                if (level.amount().signum() == 0) {
                    levels.remove(level.price());
                } else {
                    levels.put(level.price(), level.amount());
                }
            }
        }
        List<String> out = new ArrayList<>();
        levels.forEach((price, amount) -> out.add(price.toPlainString() + " x " + amount.toPlainString()));
        return out;
    }
}
