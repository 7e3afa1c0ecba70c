package io.exflux.reactive.internal.book;

import static io.exflux.reactive.internal.book.Books.INFO;
import static io.exflux.reactive.internal.book.Books.levels;
import static io.exflux.reactive.internal.book.Books.restSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PriceLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

/** Book messages that scale themselves ({@link ScaledBookFrame}) give the books their records give. */
class ScaledBookFrameTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final OrderBook REST = restSnapshot(-1, levels("100@1", "99.5@2", "99@3"),
            levels("101@1", "101.5@2", "102@3"));

    /** The update written level by level into the scaled carrier, as a venue's frame would. */
    private static ScaledBookFrame frameOf(OrderBookUpdate update) {
        return (into, priceScale, amountScale) -> {
            into.reset(update.kind(), update.mode(), update.sequence(), update.previousSequence(),
                    update.timestamp());
            for (PriceLevel level : update.bids()) {
                into.addBid(ScaledDecimals.toScaled(level.price(), priceScale, "price"),
                        ScaledDecimals.toScaled(level.amount(), amountScale, "amount"));
            }
            for (PriceLevel level : update.asks()) {
                into.addAsk(ScaledDecimals.toScaled(level.price(), priceScale, "price"),
                        ScaledDecimals.toScaled(level.amount(), amountScale, "amount"));
            }
        };
    }

    private static OrderBookUpdate wholeBook(List<PriceLevel> bids, List<PriceLevel> asks) {
        return new OrderBookUpdate(Books.PAIR, OrderBookUpdate.Kind.SNAPSHOT, OrderBookUpdate.Mode.ABSOLUTE, bids, asks,
                -1, -1, Books.T0);
    }

    /** A whole book, then quantity differences around it, with deletes and whole books now and then, seeded. */
    private static List<OrderBookUpdate> randomMessages(long seed, int count) {
        Random random = new Random(seed);
        List<OrderBookUpdate> messages = new ArrayList<>();
        // the venue's own book first (no fetch to race with), then again now and then
        messages.add(wholeBook(levels("98@1", "97@2"), levels("103@1", "104@2")));
        for (int i = 0; i < count; i++) {
            if (random.nextInt(100) == 0) {
                messages.add(wholeBook(levels("98@1", "97@2"), levels("103@1", "104@2")));
                continue;
            }
            boolean bid = random.nextBoolean();
            BigDecimal price = BigDecimal.valueOf(bid ? 9_000 + random.nextInt(95) : 10_200 + random.nextInt(95), 2);
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(2_000) - 500, 3);
            List<PriceLevel> level = List.of(new PriceLevel(price, amount));
            messages.add(bid ? Books.diff(level, List.of()) : Books.diff(List.of(), level));
        }
        return messages;
    }

    @Test
    void framesGiveTheSameBooksAsRecordsOverRandomMessages() {
        List<OrderBookUpdate> messages = randomMessages(14, 3_000);

        List<OrderBook> fromRecords = OrderBookStream.watch(INFO, Flux.fromIterable(messages), Mono::empty).collectList()
                .block(TIMEOUT);
        List<OrderBook> fromFrames = OrderBookStream.watch(INFO,
                Flux.fromIterable(messages).map(ScaledBookFrameTest::frameOf), Mono::empty).collectList()
                .block(TIMEOUT);

        assertThat(fromRecords).hasSizeGreaterThan(1_000);
        for (int i = 0; i < Math.min(fromRecords.size(), fromFrames.size()); i++) {
            assertThat(fromFrames.get(i)).as("book %d", i).isEqualTo(fromRecords.get(i));
        }
        assertThat(fromFrames).hasSameSizeAs(fromRecords);
    }

    @Test
    void anUnreadableFrameFetchesANewSnapshotAndTheBookGoesOn() {
        TestPublisher<Object> venue = TestPublisher.create();
        AtomicInteger fetches = new AtomicInteger();
        ScaledBookFrame unreadable = (into, priceScale, amountScale) -> {
            throw new ProtocolException("price 1.234 has more than 2 decimals");
        };

        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), () -> Mono.fromSupplier(() -> {
                    fetches.incrementAndGet();
                    return REST;
                })))
                .assertNext(book -> assertThat(Books.text(book.bids())).startsWith("100@1"))
                .then(() -> venue.next(unreadable))
                .assertNext(book -> assertThat(Books.text(book.bids())).startsWith("100@1"))
                .then(() -> venue.next(frameOf(Books.diff(levels("100@0.5"), List.of()))))
                .assertNext(book -> assertThat(Books.text(book.bids())).startsWith("100@1.5"))
                .then(venue::complete)
                .verifyComplete();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aWholeBookFrameReplacesTheBookAndIsKnownAsOne() {
        OrderBookEngine engine = new OrderBookEngine(INFO);

        ApplyResult result = engine.apply(frameOf(wholeBook(levels("10@1"), levels("11@2"))));

        assertThat(result).isEqualTo(ApplyResult.APPLIED);
        assertThat(engine.lastMessageWasSnapshot()).isTrue();
        assertThat(Books.text(engine.view().asks())).containsExactly("11@2");
        engine.apply(frameOf(Books.diff(levels("10@1"), List.of())));
        assertThat(engine.lastMessageWasSnapshot()).isFalse();
        assertThat(Books.text(engine.view().bids())).containsExactly("10@2");
    }

    @Test
    void somethingThatIsNoBookMessageFailsTheStream() {
        TestPublisher<Object> venue = TestPublisher.create();

        StepVerifier.create(OrderBookStream.watch(INFO, venue.flux(), () -> Mono.just(REST)))
                .expectNextCount(1)
                .then(() -> venue.next("not a book message"))
                .expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
    }
}
