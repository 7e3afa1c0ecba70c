package io.exflux.reactive.internal.unified;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.StreamOverflowException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Side;
import io.exflux.api.model.Trade;
import io.exflux.api.stream.ConnectionEvent;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** What a trade subscriber sees across reconnects: each trade once, in order, and every gap announced. */
class TradeGapFillerTest {

    private static final URI WS = URI.create("ws://venue.test/ws");
    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final CurrencyPair PAIR = CurrencyPair.of("BTC", "USDT");
    private static final Comparator<Trade> BY_ID = Comparator.comparingLong(t -> Long.parseLong(t.id()));

    private final Sinks.Many<Trade> live = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<ConnectionEvent> events = Sinks.many().multicast().directBestEffort();
    private final List<ConnectionEvent> notices = new CopyOnWriteArrayList<>();
    private final List<Trade> delivered = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> failed = new AtomicReference<>();
    /** What the venue's REST page answers next; a sink so a test can hold the answer back. */
    private final AtomicReference<Sinks.One<List<Trade>>> page = new AtomicReference<>(Sinks.one());
    private Disposable subscription;

    @AfterEach
    void dispose() {
        if (subscription != null) {
            subscription.dispose();
        }
    }

    private static Trade trade(long id) {
        return new Trade(PAIR, Long.toString(id), new BigDecimal("30000"), new BigDecimal("0.1"), Side.BUY,
                T0.plusSeconds(id));
    }

    private static List<Trade> trades(long from, long to) {
        List<Trade> out = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            out.add(trade(id));
        }
        return out;
    }

    private void subscribe(int pageLimit) {
        Flux<Trade> filled = TradeGapFiller.watch(new TradeGapFiller.Settings("trade.BTC_USDT", pageLimit, 100, 10),
                live.asFlux(), events.asFlux(),
                () -> page.get().asMono().flatMapIterable(list -> list),
                BY_ID, notices::add, () -> T0);
        subscription = filled.subscribe(delivered::add, failed::set);
    }

    private void live(long... ids) {
        for (long id : ids) {
            live.tryEmitNext(trade(id)).orThrow();
        }
    }

    private void disconnect() {
        events.tryEmitNext(new ConnectionEvent.Disconnected(WS, T0, "reset", null)).orThrow();
    }

    private void connect() {
        events.tryEmitNext(new ConnectionEvent.Connected(WS, T0)).orThrow();
    }

    private void pageAnswers(List<Trade> trades) {
        Sinks.One<List<Trade>> answer = page.getAndSet(Sinks.one());
        answer.tryEmitValue(trades).orThrow();
    }

    private List<Long> ids() {
        return delivered.stream().map(t -> Long.parseLong(t.id())).toList();
    }

    @Test
    void afterAReconnectTheTradesMissedComeFromThePageOldestFirst_thenTheLiveOnesHeldMeanwhile_eachOnce() {
        subscribe(50);
        live(1, 2, 3);
        disconnect();
        connect();
        live(7, 8); // the socket is back before the page answers: held
        assertThat(ids()).containsExactly(1L, 2L, 3L);

        List<Trade> newestFirst = new ArrayList<>(trades(1, 7));
        Collections.reverse(newestFirst);
        pageAnswers(newestFirst);
        live(9);

        assertThat(ids()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(notices).isEmpty();
    }

    @Test
    void aTradeIdTheVenueSendsTwiceIsDeliveredOnce() {
        subscribe(50);
        live(1, 2, 2, 3, 1);

        assertThat(ids()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aFullPageThatDoesNotReachBackIsAGapWithItsBounds() {
        subscribe(5);
        live(1, 2, 3);
        disconnect();
        connect();
        pageAnswers(trades(11, 15));

        assertThat(ids()).containsExactly(1L, 2L, 3L, 11L, 12L, 13L, 14L, 15L);
        assertThat(notices).singleElement().isInstanceOfSatisfying(ConnectionEvent.Gap.class, gap -> {
            assertThat(gap.uri()).isEqualTo(WS);
            assertThat(gap.topic()).isEqualTo("trade.BTC_USDT");
            assertThat(gap.fromId()).isEqualTo("3");
            assertThat(gap.fromTime()).isEqualTo(T0.plusSeconds(3));
            assertThat(gap.toId()).isEqualTo("11");
            assertThat(gap.toTime()).isEqualTo(T0.plusSeconds(11));
        });
    }

    @Test
    void aFullPageThatReachesBackIsNoGap() {
        subscribe(5);
        live(1, 2, 3);
        disconnect();
        connect();
        pageAnswers(trades(3, 7));

        assertThat(ids()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(notices).isEmpty();
    }

    @Test
    void anUnreadablePageIsAGapUpToTheFirstLiveTrade_andTheLiveTradesFollow() {
        subscribe(5);
        live(1, 2);
        disconnect();
        connect();
        live(9, 10);
        page.getAndSet(Sinks.one()).tryEmitError(new ExchangeUnavailableException("down")).orThrow();

        assertThat(ids()).containsExactly(1L, 2L, 9L, 10L);
        assertThat(notices).singleElement().isInstanceOfSatisfying(ConnectionEvent.Gap.class, gap -> {
            assertThat(gap.fromId()).isEqualTo("2");
            assertThat(gap.toId()).isEqualTo("9");
        });
    }

    @Test
    void aDropWhileThePageIsAskedForAsksAgainOnTheNextConnect() {
        subscribe(50);
        live(1);
        disconnect();
        connect();
        Sinks.One<List<Trade>> stale = page.getAndSet(Sinks.one());
        disconnect();
        stale.tryEmitValue(trades(1, 2)); // answered for the first connect: ignored, the second asks again
        assertThat(ids()).containsExactly(1L);

        connect();
        pageAnswers(trades(1, 4));

        assertThat(ids()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void moreLiveTradesThanMayWaitDuringABackFillFailTheSubscriberWithAnOverflow() {
        subscribe(50);
        live(1);
        disconnect();
        connect();
        for (long id = 2; id <= 12; id++) {
            live(id);
        }

        assertThat(failed.get()).isInstanceOf(StreamOverflowException.class);
    }

    /** The comparison without parsing orders as the numbers do, and what is not a number still fails. */
    @Test
    void numericIdsCompareAsTheirNumbers() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(14);
        long[] edges = {0, 1, 9, 10, 99, 100, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L, Long.MAX_VALUE,
                -1, -10, Long.MIN_VALUE};
        List<Long> numbers = new ArrayList<>();
        for (long edge : edges) {
            numbers.add(edge);
        }
        for (int i = 0; i < 2_000; i++) {
            numbers.add(random.nextLong() >> random.nextInt(64));
        }
        for (long a : numbers) {
            for (int j = 0; j < 20; j++) {
                long b = numbers.get(random.nextInt(numbers.size()));
                assertThat(Integer.signum(TradeGapFiller.BY_NUMERIC_ID.compare(withId(a), withId(b))))
                        .as("%d vs %d", a, b).isEqualTo(Long.signum(Long.compare(a, b)));
            }
        }
        assertThat(TradeGapFiller.compareNumeric("007", "8")).isNegative(); // leading zeros: parsed
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TradeGapFiller.compareNumeric("12a", "13"))
                .isInstanceOf(NumberFormatException.class);
    }

    private static Trade withId(long id) {
        return new Trade(PAIR, Long.toString(id), new BigDecimal("30000"), new BigDecimal("0.1"), Side.BUY, T0);
    }
}
