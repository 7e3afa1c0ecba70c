package io.exflux.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PriceLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The collector's {@link BookDiffer} and the reader's {@link BookRebuilder}, through the envelope codec. */
class BookTransferTest {

    private static final CurrencyPair PAIR = CurrencyPair.parse("ETH_USDT");
    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    private static OrderBook book(String... bidsThenAsks) {
        List<PriceLevel> bids = new ArrayList<>();
        List<PriceLevel> asks = new ArrayList<>();
        for (String level : bidsThenAsks) {
            String[] parts = level.split("@");
            PriceLevel p = PriceLevel.of(parts[1], parts[2]);
            (parts[0].equals("b") ? bids : asks).add(p);
        }
        return new OrderBook(PAIR, bids, asks, T0, 0);
    }

    private static MarketEnvelope wire(OrderBookUpdate update) {
        return EnvelopeCodec.decode(EnvelopeCodec.encode(MarketEnvelope.book("alp", update, T0, "c")));
    }

    @Test
    void snapshotThenChangedLevelsRebuildTheCollectorsBook() {
        BookDiffer differ = new BookDiffer(PAIR, Duration.ofSeconds(5), T0);
        BookRebuilder reader = new BookRebuilder(PAIR, 10);
        OrderBook first = book("b@3200.10@1", "b@3200.00@2", "a@3200.50@1.5");
        OrderBook second = book("b@3200.10@0.5", "a@3200.50@1.5", "a@3201@4");

        OrderBookUpdate snapshot = differ.next(first, T0);
        OrderBookUpdate delta = differ.next(second, T0.plusMillis(100));

        assertThat(snapshot.kind()).isEqualTo(OrderBookUpdate.Kind.SNAPSHOT);
        assertThat(delta.kind()).isEqualTo(OrderBookUpdate.Kind.DELTA);
        assertThat(delta.bids()).containsExactlyInAnyOrder(PriceLevel.of("3200.10", "0.5"), PriceLevel.of("3200.00", "0"));
        assertThat(delta.asks()).containsExactly(PriceLevel.of("3201", "4"));
        assertThat(differ.next(second, T0.plusMillis(200))).as("nothing changed").isNull();
        assertThat(reader.accept(wire(snapshot))).isNotNull();
        OrderBook rebuilt = reader.accept(wire(delta));
        assertThat(CollectorGroupFailoverTest.sameBook(rebuilt, second)).isTrue();
        assertThat(reader.accept(wire(delta))).as("a duplicate is dropped").isNull();
    }

    @Test
    void aNewOwnersSnapshotWinsAndTheOldOwnersLateDeltasAreDropped() {
        BookDiffer old = new BookDiffer(PAIR, Duration.ofSeconds(5), T0);
        BookDiffer successor = new BookDiffer(PAIR, Duration.ofSeconds(5), T0.plusSeconds(3));
        BookRebuilder reader = new BookRebuilder(PAIR, 10);
        OrderBook a = book("b@100@1", "a@101@1");
        OrderBook b = book("b@100@2", "a@101@1");
        OrderBook c = book("b@100@3", "a@101@1");

        reader.accept(wire(old.next(a, T0)));
        OrderBookUpdate late = old.next(b, T0.plusSeconds(1));
        OrderBook fromSuccessor = reader.accept(wire(successor.next(c, T0.plusSeconds(3))));

        assertThat(CollectorGroupFailoverTest.sameBook(fromSuccessor, c)).isTrue();
        assertThat(reader.accept(wire(late))).as("numbered below the successor's snapshot").isNull();
    }

    @Test
    void aGapWaitsForTheNextSnapshot() {
        BookDiffer differ = new BookDiffer(PAIR, Duration.ofSeconds(1), T0);
        BookRebuilder reader = new BookRebuilder(PAIR, 10);
        reader.accept(wire(differ.next(book("b@100@1", "a@101@1"), T0)));
        differ.next(book("b@100@2", "a@101@1"), T0.plusMillis(100)); // lost on the way
        OrderBookUpdate afterGap = differ.next(book("b@100@3", "a@101@1"), T0.plusMillis(200));
        OrderBook latest = book("b@100@4", "a@101@2");

        assertThat(reader.accept(wire(afterGap))).as("a gap: no book until a snapshot").isNull();
        OrderBook resynced = reader.accept(wire(differ.next(latest, T0.plusSeconds(1))));
        assertThat(CollectorGroupFailoverTest.sameBook(resynced, latest)).isTrue();
    }

    @Test
    void aStaleBookIsNotPublishedAndTheNextFreshOneGoesOutWhole() {
        BookDiffer differ = new BookDiffer(PAIR, Duration.ofSeconds(5), T0);
        OrderBook a = book("b@100@1", "a@101@1");
        differ.next(a, T0);

        assertThat(differ.next(a.asStale(), T0.plusMillis(10))).isNull();
        assertThat(differ.next(a, T0.plusMillis(20)).kind()).isEqualTo(OrderBookUpdate.Kind.SNAPSHOT);
    }
}
