package io.exflux.reactive.internal.book;

import static io.exflux.reactive.internal.book.Books.INFO;
import static io.exflux.reactive.internal.book.Books.delta;
import static io.exflux.reactive.internal.book.Books.levels;
import static io.exflux.reactive.internal.book.Books.restSnapshot;
import static io.exflux.reactive.internal.book.Books.snapshot;
import static io.exflux.reactive.internal.book.Books.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.internal.metrics.EngineMetrics;
import io.exflux.reactive.internal.metrics.MicrometerBinding;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

class OrderBookStreamTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final TestPublisher<OrderBookUpdate> venue = TestPublisher.create();

    /** A snapshot supplier whose answers the test gives by hand, one sink per fetch. */
    private static final class ManualSnapshots implements Supplier<Mono<OrderBook>> {
        final List<Sinks.One<OrderBook>> fetches = new ArrayList<>();

        @Override
        public Mono<OrderBook> get() {
            Sinks.One<OrderBook> fetch = Sinks.one();
            fetches.add(fetch);
            return fetch.asMono();
        }

        void answer(int fetch, OrderBook book) {
            fetches.get(fetch).tryEmitValue(book).orThrow();
        }
    }

    private static OrderBook rest(long sequence) {
        return restSnapshot(sequence, levels("100@1", "99@2"), levels("101@1", "102@2"));
    }

    @Test
    void updatesArrivingWhileTheSnapshotLoadsAreReplayedOntoIt() {
        ManualSnapshots snapshots = new ManualSnapshots();

        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), snapshots))
                .then(() -> venue.next(delta(10, levels("100@7"), levels()), delta(11, levels("99@0"), levels())))
                .expectNoEvent(Duration.ZERO)
                .then(() -> snapshots.answer(0, rest(10)))
                .assertNext(book -> {
                    assertThat(text(book.bids())).containsExactly("100@1");
                    assertThat(book.sequence()).isEqualTo(11);
                })
                .then(() -> venue.next(delta(12, levels(), levels("101@3"))))
                .assertNext(book -> assertThat(text(book.asks())).containsExactly("101@3", "102@2"))
                .then(venue::complete)
                .verifyComplete();
        assertThat(snapshots.fetches).hasSize(1);
    }

    @Test
    void aGapFetchesANewSnapshotAndShowsNothingUntilItArrives() {
        ManualSnapshots snapshots = new ManualSnapshots();

        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), snapshots))
                .then(() -> snapshots.answer(0, rest(10)))
                .assertNext(book -> assertThat(book.sequence()).isEqualTo(10))
                .then(() -> venue.next(delta(12, levels("100@5"), levels())))
                .then(() -> assertThat(snapshots.fetches).hasSize(2))
                .then(() -> venue.next(delta(13, levels("100@6"), levels())))
                .expectNoEvent(Duration.ZERO)
                .then(() -> snapshots.answer(1, rest(12)))
                .assertNext(book -> {
                    assertThat(text(book.bids())).containsExactly("100@6", "99@2");
                    assertThat(book.sequence()).isEqualTo(13);
                })
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void aGapIsCountedAsAResyncInTheMetersOfTheSubscribersContext() {
        ManualSnapshots snapshots = new ManualSnapshots();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EngineMetrics metrics = MicrometerBinding.meters(meters, Clock.systemUTC());

        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), snapshots).contextWrite(metrics::inContext))
                .then(() -> snapshots.answer(0, rest(10)))
                .assertNext(book -> assertThat(book.sequence()).isEqualTo(10))
                .then(() -> venue.next(delta(12, levels("100@5"), levels())))
                .then(() -> snapshots.answer(1, rest(12)))
                .assertNext(book -> assertThat(book.sequence()).isEqualTo(12))
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(meters.get("exflux.book.resyncs").tag("reason", "sequence_gap").counter().count()).isEqualTo(1);
    }

    @Test
    void aCrossedBookFetchesANewSnapshot() {
        ManualSnapshots snapshots = new ManualSnapshots();

        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), snapshots))
                .then(() -> snapshots.answer(0, rest(10)))
                .expectNextCount(1)
                .then(() -> venue.next(delta(11, levels("101.5@1"), levels())))
                .then(() -> assertThat(snapshots.fetches).hasSize(2))
                .then(() -> snapshots.answer(1, rest(11)))
                .assertNext(book -> assertThat(book.isCrossed()).isFalse())
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void theAnswerToAnAbandonedFetchIsIgnored() {
        ManualSnapshots snapshots = new ManualSnapshots();

        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), snapshots))
                .then(() -> venue.next(delta(5, levels("100@1"), levels())))
                .then(() -> snapshots.answer(0, restSnapshot(3, levels("90@1"), levels("91@1")))) // gap 3 -> 5
                .then(() -> assertThat(snapshots.fetches).hasSize(2))
                .then(() -> snapshots.fetches.get(0).tryEmitEmpty())
                .expectNoEvent(Duration.ZERO)
                .then(() -> snapshots.answer(1, rest(20)))
                .assertNext(book -> assertThat(book.sequence()).isEqualTo(20))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void aVenueThatSendsItsSnapshotInStreamIsAskedAgainOnAGap() {
        AtomicInteger resubscribes = new AtomicInteger();
        Supplier<Mono<OrderBook>> resubscribe = () -> Mono.fromRunnable(resubscribes::incrementAndGet);

        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), resubscribe))
                .then(() -> venue.next(snapshot(100, levels("100@1"), levels("101@1"))))
                .assertNext(book -> assertThat(book.sequence()).isEqualTo(100))
                .then(() -> venue.next(delta(102, levels("100@2"), levels())))
                .then(() -> assertThat(resubscribes).hasValue(2))
                .then(() -> venue.next(snapshot(102, levels("100@2"), levels("101@1"))))
                .assertNext(book -> assertThat(text(book.bids())).containsExactly("100@2"))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void anInStreamSnapshotCancelsTheRestFetch() {
        AtomicBoolean fetchCancelled = new AtomicBoolean();
        Supplier<Mono<OrderBook>> slowRest = () -> Mono.<OrderBook>never()
                .doOnCancel(() -> fetchCancelled.set(true));

        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), slowRest))
                .then(() -> venue.next(snapshot(7, levels("100@1"), levels("101@1"))))
                .assertNext(book -> assertThat(book.sequence()).isEqualTo(7))
                .then(() -> assertThat(fetchCancelled).isTrue())
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void aSlowSubscriberGetsTheLatestConsistentBook() {
        ManualSnapshots snapshots = new ManualSnapshots();

        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), snapshots), 0)
                .then(() -> snapshots.answer(0, rest(10)))
                .then(() -> venue.next(delta(11, levels("100@3"), levels()), delta(12, levels("100@4"), levels()),
                        delta(13, levels("100@5"), levels())))
                .expectNoEvent(Duration.ZERO)
                .thenRequest(1)
                .assertNext(book -> {
                    assertThat(book.sequence()).isEqualTo(13);
                    assertThat(text(book.bids())).containsExactly("100@5", "99@2");
                })
                .thenCancel()
                .verify(TIMEOUT);
        venue.assertWasCancelled();
    }

    @Test
    void theSnapshotMayTakeItsTimeInVirtualTime() {
        StepVerifier.withVirtualTime(() -> OrderBookStream.watch(INFO, venue.flux(),
                        () -> Mono.delay(Duration.ofSeconds(3)).map(tick -> rest(10))))
                .expectSubscription()
                .then(() -> venue.next(delta(11, levels("100@9"), levels())))
                .expectNoEvent(Duration.ofSeconds(2))
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(book -> assertThat(text(book.bids())).containsExactly("100@9", "99@2"))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void emittedBooksAreCutToTheRequestedDepth() {
        OrderBookStreamOptions depthOne = OrderBookStreamOptions.DEFAULTS.withDepth(1);

        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), () -> Mono.just(rest(10)), depthOne))
                .assertNext(book -> {
                    assertThat(text(book.bids())).containsExactly("100@1");
                    assertThat(text(book.asks())).containsExactly("101@1");
                })
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void aVenueThatOnlySendsUnreadableBooksEndsTheStreamWithATypedError() {
        AtomicInteger fetches = new AtomicInteger();
        OrderBook tooPrecise = restSnapshot(1, levels("100.001@1"), levels("101@1"));
        OrderBookStreamOptions twoResyncs = new OrderBookStreamOptions(10, 100, 2);

        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(),
                        () -> Mono.fromSupplier(() -> {
                            fetches.incrementAndGet();
                            return tooPrecise;
                        }), twoResyncs))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("gave up after 2 resyncs")
                        .hasMessageContaining("INVALID_UPDATE")
                        .hasCauseInstanceOf(ProtocolException.class))
                .verify(TIMEOUT);
        assertThat(fetches).hasValue(3);
    }

    @Test
    void aMalformedUpdateDoesNotEndTheStream() {
        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), () -> Mono.just(rest(10))))
                .expectNextCount(1)
                .then(() -> venue.next(delta(11, levels("100.001@1"), levels())))
                .assertNext(book -> assertThat(book.sequence()).isEqualTo(10)) // refetched at once
                .then(() -> venue.next(delta(11, levels("100@8"), levels())))
                .assertNext(book -> assertThat(text(book.bids())).containsExactly("100@8", "99@2"))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void anErrorOfTheUpdatesEndsTheStream() {
        StepVerifier.create(OrderBookStream.watch(INFO, Flux.error(new ProtocolException("socket gone")),
                        Mono::never))
                .expectErrorMessage("socket gone")
                .verify(TIMEOUT);
    }

    @Test
    void staleness_aSnapshotTakenWhileDisconnectedStaysStale_theVenuesOwnSnapshotAfterTheConnectIsFresh() {
        ManualSnapshots snapshots = new ManualSnapshots();
        Sinks.Many<ConnectionEvent> events = Sinks.many().multicast().directBestEffort();
        URI ws = URI.create("ws://venue/ws");

        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), snapshots, OrderBookStreamOptions.DEFAULTS,
                        events.asFlux()))
                .then(() -> venue.next(snapshot(5, levels("100@1"), levels("101@1"))))
                .assertNext(book -> assertThat(book.stale()).isFalse())
                .then(() -> events.tryEmitNext(new ConnectionEvent.Disconnected(ws, Books.T0, "stale", null)).orThrow())
                .assertNext(book -> {
                    assertThat(book.stale()).isTrue();
                    assertThat(book.sequence()).isEqualTo(5);
                })
                // a gap makes it fetch while the socket is away: that book is not known to be current either
                .then(() -> venue.next(delta(9, levels("100@2"), levels())))
                .then(() -> snapshots.answer(1, rest(9)))
                .assertNext(book -> {
                    assertThat(book.sequence()).isEqualTo(9);
                    assertThat(book.stale()).isTrue();
                })
                .then(() -> events.tryEmitNext(new ConnectionEvent.Connected(ws, Books.T0)).orThrow())
                .then(() -> venue.next(snapshot(20, levels("98@1"), levels("99@1"))))
                .assertNext(book -> {
                    assertThat(book.sequence()).isEqualTo(20);
                    assertThat(book.stale()).isFalse();
                })
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void withoutConnectionEventsNoBookIsEverStale() {
        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), Mono::empty))
                .then(() -> venue.next(snapshot(5, levels("100@1"), levels("101@1")), delta(6, levels("100@3"), levels())))
                .assertNext(book -> assertThat(book.stale()).isFalse())
                .assertNext(book -> assertThat(book.stale()).isFalse())
                .thenCancel()
                .verify(TIMEOUT);
    }
}
