package io.exflux.reactive.internal.book;

import static io.exflux.reactive.internal.book.Books.INFO;
import static io.exflux.reactive.internal.book.Books.PAIR;
import static io.exflux.reactive.internal.book.Books.T0;
import static io.exflux.reactive.internal.book.Books.levels;
import static io.exflux.reactive.internal.book.Books.snapshot;
import static io.exflux.reactive.internal.book.Books.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PairInfo;
import io.exflux.api.stream.ConnectionEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** A book seeded from REST, kept from the socket, re-seeded from REST after each reconnect. */
class BookFeedTest {

    private static final URI WS = URI.create("ws://venue/ws");
    private static final OrderBookStreamOptions OPTIONS = OrderBookStreamOptions.DEFAULTS.withDepth(10);

    private final Sinks.Many<OrderBookUpdate> updates = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<OrderBookUpdate> wholeBooks = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<ConnectionEvent> events = Sinks.many().multicast().directBestEffort();
    private final Snapshots snapshots = new Snapshots();

    /** REST snapshots the test answers by hand, one sink per call. */
    private static final class Snapshots implements Supplier<Mono<OrderBook>> {
        final List<Sinks.One<OrderBook>> calls = new ArrayList<>();

        @Override
        public Mono<OrderBook> get() {
            Sinks.One<OrderBook> call = Sinks.one();
            calls.add(call);
            return call.asMono();
        }

        void answer(int call, String bid, String ask) {
            calls.get(call).tryEmitValue(new OrderBook(PAIR, levels(bid), levels(ask), T0, -1)).orThrow();
        }
    }

    private void wholeBook(String bid, String ask) {
        OrderBookUpdate book = snapshot(-1, levels(bid), levels(ask));
        updates.tryEmitNext(book).orThrow();
        wholeBooks.tryEmitNext(book); // listened to only while a re-seed is in flight
    }

    private void reconnect() {
        events.tryEmitNext(new ConnectionEvent.Disconnected(WS, T0, "dropped", null)).orThrow();
        events.tryEmitNext(new ConnectionEvent.Connecting(WS, T0, 1)).orThrow();
        events.tryEmitNext(new ConnectionEvent.Connected(WS, T0)).orThrow();
    }

    private StepVerifier.FirstStep<OrderBook> watch() {
        return StepVerifier.create(BookFeed.watch(INFO, snapshots, updates.asFlux(), wholeBooks.asFlux(),
                events.asFlux(), OPTIONS));
    }

    @Test
    void aReconnectBringsAFreshRestBook() {
        watch().then(() -> snapshots.answer(0, "100@1", "101@1"))
                .assertNext(book -> assertThat(text(book.bids())).containsExactly("100@1"))
                .then(this::reconnect)
                .assertNext(book -> assertThat(book.stale()).as("the old book, marked stale").isTrue())
                .then(() -> assertThat(snapshots.calls).hasSize(2))
                .then(() -> snapshots.answer(1, "98@3", "99@3"))
                .assertNext(book -> {
                    assertThat(text(book.bids())).containsExactly("98@3");
                    assertThat(text(book.asks())).containsExactly("99@3");
                    assertThat(book.stale()).isFalse();
                })
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aConnectWithoutADisconnectBeforeItFetchesNothing() {
        watch().then(() -> snapshots.answer(0, "100@1", "101@1"))
                .expectNextCount(1)
                .then(() -> events.tryEmitNext(new ConnectionEvent.Connected(WS, T0)).orThrow())
                .then(() -> assertThat(snapshots.calls).hasSize(1))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aReseedOvertakenByAWholeBookFromTheSocketIsDropped() {
        watch().then(() -> snapshots.answer(0, "100@1", "101@1"))
                .expectNextCount(1)
                .then(this::reconnect)
                .assertNext(book -> assertThat(book.stale()).isTrue())
                .then(() -> wholeBook("97@5", "98@5"))
                .assertNext(book -> assertThat(text(book.bids())).containsExactly("97@5"))
                .then(() -> snapshots.answer(1, "90@1", "91@1")) // older than the socket's book
                .expectNoEvent(Duration.ofMillis(50))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aMarketWithoutStatedPrecisionKeepsItsBookAsSent() {
        PairInfo unknown = new PairInfo(PAIR, "BTC-USD", null, null, null, null, null);
        StepVerifier.create(BookFeed.watch(unknown, snapshots, updates.asFlux(), wholeBooks.asFlux(),
                        events.asFlux(), OPTIONS))
                .then(() -> snapshots.answer(0, "100.12345678@0.5", "100.2@1.25"))
                .assertNext(book -> {
                    assertThat(text(book.bids())).containsExactly("100.12345678@0.5");
                    assertThat(text(book.asks())).containsExactly("100.2@1.25");
                })
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aFailedReseedIsSkippedAndTheBookGoesOn() {
        watch().then(() -> snapshots.answer(0, "100@1", "101@1"))
                .expectNextCount(1)
                .then(this::reconnect)
                .assertNext(book -> assertThat(book.stale()).isTrue())
                .then(() -> snapshots.calls.get(1).tryEmitError(new IllegalStateException("503")).orThrow())
                .then(() -> wholeBook("95@2", "96@2"))
                .assertNext(book -> {
                    assertThat(text(book.bids())).containsExactly("95@2");
                    assertThat(book.stale()).as("a whole book on the live socket is fresh").isFalse();
                })
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void whileTheSocketIsAwayTheLastBookIsShownAgainMarkedStale_andNothingUnmarkedUntilTheReseed() {
        watch().then(() -> snapshots.answer(0, "100@1", "101@1"))
                .assertNext(book -> assertThat(book.stale()).isFalse())
                .then(() -> events.tryEmitNext(new ConnectionEvent.Disconnected(WS, T0, "stalled", null)).orThrow())
                .assertNext(book -> {
                    assertThat(book.stale()).isTrue();
                    assertThat(text(book.bids())).as("the last book known").containsExactly("100@1");
                })
                // a second loss while still away says nothing new
                .then(() -> events.tryEmitNext(new ConnectionEvent.Disconnected(WS, T0, "refused", null)).orThrow())
                .expectNoEvent(Duration.ofMillis(20))
                .then(() -> events.tryEmitNext(new ConnectionEvent.Connected(WS, T0)).orThrow())
                // a difference applied to the old book is still the old book plus something: still stale
                .then(() -> updates.tryEmitNext(Books.diff(levels("100@1"), levels())).orThrow())
                .assertNext(book -> {
                    assertThat(text(book.bids())).containsExactly("100@2");
                    assertThat(book.stale()).isTrue();
                })
                .then(() -> snapshots.answer(1, "99@4", "102@4"))
                .assertNext(book -> {
                    assertThat(text(book.bids())).containsExactly("99@4");
                    assertThat(book.stale()).isFalse();
                })
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aDisconnectBeforeTheFirstBookEmitsNothing_theFirstBookAfterTheReconnectIsFresh() {
        watch().then(this::reconnect)
                .expectNoEvent(Duration.ofMillis(20))
                .then(() -> snapshots.answer(0, "100@1", "101@1"))
                .assertNext(book -> assertThat(book.stale()).isFalse())
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aSettledReseedFetchesOneMoreBookTheSettleAfterEachConnectAndOnlyTheLatest() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        Duration settle = Duration.ofSeconds(1);

        StepVerifier.withVirtualTime(() -> BookFeed.settledReseeds(INFO, snapshots, events.asFlux(), settle, time),
                        () -> time, Long.MAX_VALUE)
                .then(() -> events.tryEmitNext(new ConnectionEvent.Connected(WS, T0)).orThrow())
                .then(() -> time.advanceTimeBy(settle.minusMillis(1)))
                .then(() -> assertThat(snapshots.calls).as("nothing before the settle").isEmpty())
                .then(() -> events.tryEmitNext(new ConnectionEvent.Connected(WS, T0)).orThrow())
                .then(() -> time.advanceTimeBy(settle))
                .then(() -> assertThat(snapshots.calls).as("a second connect restarts the wait").hasSize(1))
                .then(() -> snapshots.answer(0, "100@1", "101@2"))
                .assertNext(update -> {
                    assertThat(update.kind()).isEqualTo(OrderBookUpdate.Kind.SNAPSHOT);
                    assertThat(text(update.bids())).containsExactly("100@1");
                })
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }
}
