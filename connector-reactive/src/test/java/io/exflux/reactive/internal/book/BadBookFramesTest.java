package io.exflux.reactive.internal.book;

import static io.exflux.reactive.internal.book.Books.INFO;
import static io.exflux.reactive.internal.book.Books.levels;
import static io.exflux.reactive.internal.book.Books.restSnapshot;
import static io.exflux.reactive.internal.book.Books.snapshot;
import static io.exflux.reactive.internal.book.Books.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PriceLevel;
import io.exflux.reactive.testsupport.ConsoleCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

/**
 * A whole-book frame with a negative amount is malformed: the book is never shown without what the venue got
 * wrong, it resyncs from a snapshot, and the bad frames are logged (the first, then as their count doubles).
 */
class BadBookFramesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final TestPublisher<OrderBookUpdate> venue = TestPublisher.create();

    /** Snapshots answered by hand, one sink per fetch. */
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

    /** A whole-book frame as a venue's mapper makes it (ALP's market depth), with one bid of -5. */
    private static OrderBookUpdate wholeBookWithANegativeBid() {
        List<PriceLevel> sent = levels("100@1", "99@-5");
        return snapshot(-1, BookLevels.forUpdate(sent, PriceLevel::price, PriceLevel::amount, true),
                BookLevels.forUpdate(levels("101@1"), PriceLevel::price, PriceLevel::amount, false));
    }

    @Test
    void aWholeBookWithANegativeAmountIsRefusedAndTheBookResyncs() {
        ManualSnapshots snapshots = new ManualSnapshots();

        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), snapshots))
                .then(() -> snapshots.answer(0, restSnapshot(-1, levels("100@1"), levels("101@1"))))
                .assertNext(book -> assertThat(text(book.bids())).containsExactly("100@1"))
                .then(() -> venue.next(wholeBookWithANegativeBid()))
                .expectNoEvent(Duration.ZERO)
                .then(() -> assertThat(snapshots.fetches).as("a new snapshot is fetched").hasSize(2))
                .then(() -> snapshots.answer(1, restSnapshot(-1, levels("100@2", "99@1"), levels("101@1"))))
                .assertNext(book -> assertThat(text(book.bids())).containsExactly("100@2", "99@1"))
                .then(venue::complete)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void badFramesAreLoggedTheFirstThenAsTheirCountDoubles() {
        ManualSnapshots snapshots = new ManualSnapshots();
        String log;
        try (ConsoleCapture console = ConsoleCapture.start()) {
            StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), snapshots))
                    .then(() -> snapshots.answer(0, restSnapshot(-1, levels("100@1"), levels("101@1"))))
                    .expectNextCount(1)
                    .then(() -> {
                        for (int i = 1; i <= 5; i++) {
                            venue.next(wholeBookWithANegativeBid());
                            snapshots.answer(i, restSnapshot(-1, levels("100@1"), levels("101@1")));
                        }
                    })
                    .expectNextCount(5)
                    .then(venue::complete)
                    .expectComplete()
                    .verify(TIMEOUT);
            log = console.text();
        }

        assertThat(log).contains("1 malformed updates, each followed by a resync so far (further ones are logged")
                .contains("negative")
                .contains("2 malformed updates").contains("4 malformed updates")
                .doesNotContain("3 malformed updates").doesNotContain("5 malformed updates");
    }
}
