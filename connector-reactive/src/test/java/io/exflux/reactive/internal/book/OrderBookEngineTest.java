package io.exflux.reactive.internal.book;

import static io.exflux.reactive.internal.book.Books.INFO;
import static io.exflux.reactive.internal.book.Books.PAIR;
import static io.exflux.reactive.internal.book.Books.T0;
import static io.exflux.reactive.internal.book.Books.delta;
import static io.exflux.reactive.internal.book.Books.diff;
import static io.exflux.reactive.internal.book.Books.levels;
import static io.exflux.reactive.internal.book.Books.restSnapshot;
import static io.exflux.reactive.internal.book.Books.snapshot;
import static io.exflux.reactive.internal.book.Books.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PairInfo;
import io.exflux.reactive.internal.book.ApplyResult.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderBookEngineTest {

    private final OrderBookEngine engine = new OrderBookEngine(INFO);

    private void live() {
        assertThat(engine.applySnapshot(restSnapshot(10, levels("100@1", "99@2", "98@3"),
                levels("101@1", "102@2", "103@3")))).isSameAs(ApplyResult.APPLIED);
    }

    @Test
    void absoluteSizesSetAndZeroDeletes() {
        live();
        assertThat(engine.apply(delta(11, levels("100@5", "99@0", "99.5@0.25"), levels("101@0", "104@1"))))
                .isSameAs(ApplyResult.APPLIED);

        OrderBook book = engine.view();
        assertThat(text(book.bids())).containsExactly("100@5", "99.5@0.25", "98@3");
        assertThat(text(book.asks())).containsExactly("102@2", "103@3", "104@1");
        assertThat(book.sequence()).isEqualTo(11);
        assertThat(book.timestamp()).isEqualTo(T0.plusMillis(11));
    }

    @Test
    void btseSnapshotWithDescendingAsksIsSortedBestFirst() {
        // shape of the BTSE OSS snapshot (protocols/btse-spot.md 4.7): asks descending, best ask last
        OrderBookUpdate btse = snapshot(628282, levels("59252.5@0.06865", "59250@1.2", "59240.5@0.5"),
                levels("59310@0.7", "59300.5@0.1", "59292.0@0.50000"));

        assertThat(engine.apply(btse)).isSameAs(ApplyResult.APPLIED);
        assertThat(engine.apply(delta(628283, levels(), levels("59367.5@2.15622", "59300.5@0"))))
                .isSameAs(ApplyResult.APPLIED);

        OrderBook book = engine.view();
        assertThat(text(book.bids())).containsExactly("59252.5@0.06865", "59250@1.2", "59240.5@0.5");
        assertThat(text(book.asks())).containsExactly("59292@0.5", "59310@0.7", "59367.5@2.15622");
        assertThat(book.sequence()).isEqualTo(628283);
    }

    @Test
    void unorderedSnapshotLevelsAreSortedAndRepeatedPricesKeepTheLastAmount() {
        assertThat(engine.apply(snapshot(1, levels("98@1", "100@1", "99@1", "100@4"),
                levels("103@1", "101@1", "102@0", "105@1")))).isSameAs(ApplyResult.APPLIED);

        assertThat(text(engine.view().bids())).containsExactly("100@4", "99@1", "98@1");
        assertThat(text(engine.view().asks())).containsExactly("101@1", "103@1", "105@1");
    }

    @Test
    void alpDiffsAddAndRemoveLevelsAtZeroOrBelow() {
        assertThat(engine.applySnapshot(restSnapshot(-1, levels("100@1", "99@2", "98@3"),
                levels("101@1", "102@2")))).isSameAs(ApplyResult.APPLIED);

        assertThat(engine.apply(diff(
                levels("100@0.5", "99@-2", "98@-5", "97@-1", "96.5@0.75"),
                levels("101@-0.25", "103@1")))).isSameAs(ApplyResult.APPLIED);

        OrderBook book = engine.view();
        // 100 grew, 99 reached 0, 98 went below 0, 97 never existed (a negative diff adds nothing), 96.5 new
        assertThat(text(book.bids())).containsExactly("100@1.5", "96.5@0.75");
        assertThat(text(book.asks())).containsExactly("101@0.75", "102@2", "103@1");
        assertThat(book.sequence()).isEqualTo(-1);
    }

    @Test
    void alpMarketDepthReplacesTheWholeBook() {
        live();
        assertThat(engine.apply(snapshot(-1, levels("90@1"), levels("91@1")))).isSameAs(ApplyResult.APPLIED);

        assertThat(text(engine.view().bids())).containsExactly("90@1");
        assertThat(text(engine.view().asks())).containsExactly("91@1");
    }

    @Test
    void aSkippedSequenceAsksForASnapshotAndBuffersWhatFollows() {
        live();
        ApplyResult gap = engine.apply(delta(12, levels("100@9"), levels()));

        assertThat(gap.status()).isEqualTo(Status.NEEDS_SNAPSHOT);
        assertThat(gap.reason()).isEqualTo(ResyncReason.SEQUENCE_GAP);
        assertThat(gap.detail()).contains("after sequence 10", "after 11");
        assertThat(engine.state()).isEqualTo(OrderBookEngine.State.AWAITING_SNAPSHOT);
        assertThat(engine.view().bids()).isEmpty();
        assertThat(engine.apply(delta(13, levels("100@7"), levels()))).isSameAs(ApplyResult.BUFFERED);
        assertThat(engine.bufferedCount()).isEqualTo(1);
    }

    @Test
    void aRepeatedOrOlderSequenceAsksForASnapshot() {
        live();
        ApplyResult repeated = engine.apply(delta(10, -1, levels("100@9"), levels()));

        assertThat(repeated.reason()).isEqualTo(ResyncReason.SEQUENCE_GAP);
        assertThat(repeated.detail()).contains("sequence 10 does not follow 10");
    }

    @Test
    void updatesWithoutSequenceNumbersAreAppliedInArrivalOrder() {
        assertThat(engine.applySnapshot(restSnapshot(-1, levels("100@1"), levels("101@1"))))
                .isSameAs(ApplyResult.APPLIED);
        OrderBookUpdate unnumbered = new OrderBookUpdate(PAIR, OrderBookUpdate.Kind.DELTA,
                OrderBookUpdate.Mode.ABSOLUTE, levels("100@2"), levels(), -1, -1, T0);

        assertThat(engine.apply(unnumbered)).isSameAs(ApplyResult.APPLIED);
        assertThat(engine.apply(unnumbered)).isSameAs(ApplyResult.APPLIED);
        assertThat(text(engine.view().bids())).containsExactly("100@2");
    }

    @Test
    void updatesArrivingBeforeTheSnapshotAreReplayedAndThoseItContainsDropped() {
        assertThat(engine.apply(delta(9, levels("100@50"), levels()))).isSameAs(ApplyResult.BUFFERED);
        assertThat(engine.apply(delta(10, levels("100@60"), levels()))).isSameAs(ApplyResult.BUFFERED);
        assertThat(engine.apply(delta(11, levels("99@0"), levels()))).isSameAs(ApplyResult.BUFFERED);
        assertThat(engine.apply(delta(12, levels("97@4"), levels("101@0")))).isSameAs(ApplyResult.BUFFERED);
        assertThat(engine.view().bids()).isEmpty();

        live(); // snapshot at sequence 10: updates 9 and 10 are in it already

        OrderBook book = engine.view();
        assertThat(text(book.bids())).containsExactly("100@1", "98@3", "97@4");
        assertThat(text(book.asks())).containsExactly("102@2", "103@3");
        assertThat(book.sequence()).isEqualTo(12);
        assertThat(engine.bufferedCount()).isZero();
    }

    @Test
    void aGapBetweenSnapshotAndBufferedUpdatesAsksForAnotherSnapshot() {
        engine.apply(delta(12, levels("97@4"), levels()));

        ApplyResult replay = engine.applySnapshot(restSnapshot(10, levels("100@1"), levels("101@1")));

        assertThat(replay.reason()).isEqualTo(ResyncReason.SEQUENCE_GAP);
        assertThat(engine.state()).isEqualTo(OrderBookEngine.State.AWAITING_SNAPSHOT);
    }

    @Test
    void tooManyBufferedUpdatesAskForAFreshSnapshot() {
        OrderBookEngine small = new OrderBookEngine(INFO, 2);
        assertThat(small.apply(delta(1, levels("100@1"), levels()))).isSameAs(ApplyResult.BUFFERED);
        assertThat(small.apply(delta(2, levels("100@1"), levels()))).isSameAs(ApplyResult.BUFFERED);

        ApplyResult overflow = small.apply(delta(3, levels("100@1"), levels()));

        assertThat(overflow.reason()).isEqualTo(ResyncReason.BUFFER_OVERFLOW);
        assertThat(small.bufferedCount()).isZero();
    }

    @Test
    void aCrossedBookAfterAnUpdateAsksForASnapshot() {
        live();
        ApplyResult crossed = engine.apply(delta(11, levels("101@1"), levels()));

        assertThat(crossed.reason()).isEqualTo(ResyncReason.CROSSED_BOOK);
        assertThat(crossed.detail()).contains("best bid 101.00 >= best ask 101.00");
        assertThat(engine.state()).isEqualTo(OrderBookEngine.State.AWAITING_SNAPSHOT);
        assertThat(engine.view().bids()).isEmpty();
        assertThat(engine.view().asks()).isEmpty();
    }

    @Test
    void aCrossedSnapshotAsksForAnother() {
        ApplyResult crossed = engine.applySnapshot(restSnapshot(1, levels("102@1"), levels("101@1")));

        assertThat(crossed.reason()).isEqualTo(ResyncReason.CROSSED_BOOK);
    }

    @Test
    void aPriceWithMoreDecimalsThanThePairAllowsIsATypedErrorNotARounding() {
        live();
        ApplyResult result = engine.apply(delta(11, levels("99.123@1"), levels()));

        assertThat(result.reason()).isEqualTo(ResyncReason.INVALID_UPDATE);
        assertThat(result.error()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("price 99.123 has more than 2 decimals");
        assertThat(engine.state()).isEqualTo(OrderBookEngine.State.AWAITING_SNAPSHOT);
    }

    @Test
    void anAmountWithMoreDecimalsThanThePairAllowsIsATypedError() {
        live();
        ApplyResult result = engine.apply(diff(levels("100@0.000001"), levels()));

        assertThat(result.error()).hasMessageContaining("amount 0.000001 has more than 5 decimals");
    }

    @Test
    void trailingZerosBeyondTheScaleAreNotExtraDecimals() {
        live();
        assertThat(engine.apply(delta(11, levels("99.5000000@1.100000000"), levels())))
                .isSameAs(ApplyResult.APPLIED);

        assertThat(text(engine.view().bids())).contains("99.5@1.1");
    }

    @Test
    void valuesTooLargeForALongAndNegativeAbsoluteSizesAreTypedErrors() {
        live();
        assertThat(engine.apply(delta(11, levels("100000000000000000@1"), levels())).error())
                .hasMessageContaining("does not fit a 64-bit scaled value");
        live();
        assertThat(engine.apply(delta(11, levels("100@-1"), levels())).error())
                .hasMessageContaining("negative absolute size -1 at price 100");
        live();
        assertThat(engine.apply(diff(levels("100@92233720368547.75807"), levels())).error())
                .hasMessageContaining("overflows");
    }

    @Test
    void anUpdateForAnotherPairIsRejectedAndTheBookKept() {
        live();
        OrderBookUpdate other = new OrderBookUpdate(CurrencyPair.of("ETH", "USD"), OrderBookUpdate.Kind.DELTA,
                OrderBookUpdate.Mode.ABSOLUTE, levels("100@9"), List.of(), 11, 10, T0);

        ApplyResult result = engine.apply(other);

        assertThat(result.status()).isEqualTo(Status.REJECTED);
        assertThat(result.error()).hasMessageContaining("ETH/USD");
        assertThat(text(engine.view().bids())).containsExactly("100@1", "99@2", "98@3");
    }

    @Test
    void viewsAreCutToTheDepthAndCachedUntilTheNextChange() {
        live();
        OrderBook top2 = engine.view(2);

        assertThat(text(top2.bids())).containsExactly("100@1", "99@2");
        assertThat(text(top2.asks())).containsExactly("101@1", "102@2");
        assertThat(engine.view(2)).isSameAs(top2);
        assertThat(engine.view(0).bids()).isEmpty();

        engine.apply(delta(11, levels("100.5@1"), levels()));
        assertThat(text(engine.view(2).bids())).containsExactly("100.5@1", "100@1");
    }

    @Test
    void pricesKeepThePairScaleInViews() {
        PairInfo info = new PairInfo(PAIR, "BTC-USD", 1, 3, null, null, null);
        OrderBookEngine scaled = new OrderBookEngine(info);
        scaled.applySnapshot(restSnapshot(1, levels("100@1"), levels("101.5@0.25")));

        assertThat(scaled.view().asks().get(0).price()).isEqualByComparingTo("101.5");
        assertThat(scaled.view().asks().get(0).price().scale()).isEqualTo(1);
        assertThat(scaled.view().asks().get(0).amount().toPlainString()).isEqualTo("0.250");
    }

    @Test
    void scaledUpdatesAreCopiedWhenBufferedSoTheDecoderMayReuseItsHolder() {
        ScaledBookUpdate holder = new ScaledBookUpdate(1);
        holder.reset(OrderBookUpdate.Kind.DELTA, OrderBookUpdate.Mode.ABSOLUTE, 11, 10, T0)
                .addBid(ScaledDecimals.parse("100", 2, "price"), ScaledDecimals.parse("7", 5, "amount"))
                .addBid(ScaledDecimals.parse("97.5", 2, "price"), ScaledDecimals.parse("0.5", 5, "amount"));
        assertThat(engine.apply(holder)).isSameAs(ApplyResult.BUFFERED);
        holder.reset(OrderBookUpdate.Kind.DELTA, OrderBookUpdate.Mode.DIFFERENCE, 12, 11, T0)
                .addAsk(10_100, 100_000);

        live();
        assertThat(engine.apply(holder)).isSameAs(ApplyResult.APPLIED);

        assertThat(text(engine.view().bids())).containsExactly("100@7", "99@2", "98@3", "97.5@0.5");
        assertThat(text(engine.view().asks())).containsExactly("101@2", "102@2", "103@3");
    }
}
