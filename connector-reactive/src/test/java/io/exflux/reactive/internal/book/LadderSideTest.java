package io.exflux.reactive.internal.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * One side of the book on its own, against a {@code TreeMap} model: the next best level after a delete
 * is found across empty bit words and across the summary bitmap's word boundaries (one summary word
 * covers 4,096 slots), and levels survive the window moving up, down to the far part and back.
 */
class LadderSideTest {

    private static final long TOP = 5_000_000;

    @Test
    void deletingTheBestBidFindsTheNextAcrossEmptyWordsAndSummaryBoundaries() {
        long[] distances = {0, 1, 62, 63, 64, 65, 127, 128, 4_031, 4_095, 4_096, 4_097, 8_191, 8_192, 40_000, 60_000};
        LadderSide side = new LadderSide(true);
        side.load(levels(TOP, -1, distances), distances.length);
        for (long distance : distances) {
            assertThat(side.bestPrice()).as("best after deleting better levels").isEqualTo(TOP - distance);
            side.set(TOP - distance, 0);
        }
        assertThat(side.isEmpty()).isTrue();
        assertThat(side.size()).isZero();
    }

    @Test
    void levelsDeletedBelowTheBestLeaveNoTraceForTheNextBestSearch() {
        long[] distances = {0, 10, 64, 4_095, 4_096, 4_200, 9_000, 30_000};
        LadderSide side = new LadderSide(true);
        side.load(levels(TOP, -1, distances), distances.length);
        side.set(TOP - 64, 0); // empties its bit word
        side.set(TOP - 4_096, 0);
        side.set(TOP - 4_200, 0); // with 4,096: empties a word at the start of a summary word
        side.set(TOP - 9_000, 0);
        side.set(TOP, 0);
        assertThat(side.bestPrice()).isEqualTo(TOP - 10);
        side.set(TOP - 10, 0);
        assertThat(side.bestPrice()).isEqualTo(TOP - 4_095);
        side.set(TOP - 4_095, 0);
        assertThat(side.bestPrice()).isEqualTo(TOP - 30_000);
        assertThat(side.size()).isEqualTo(1);
    }

    @Test
    void deletingTheBestAskFindsTheNextAcrossEmptyWordsAndSummaryBoundaries() {
        long[] distances = {0, 63, 64, 4_095, 4_096, 65_000};
        LadderSide side = new LadderSide(false);
        side.load(levels(TOP, 1, distances), distances.length);
        for (long distance : distances) {
            assertThat(side.bestPrice()).isEqualTo(TOP + distance);
            side.set(TOP + distance, 0);
        }
        assertThat(side.isEmpty()).isTrue();
    }

    @Test
    void aBetterPriceFarAboveMovesTheWindowAndAnEmptiedWindowComesBackForTheLevelsBelow() {
        LadderSide side = new LadderSide(true);
        side.load(new long[] {TOP, 1, TOP - 10, 2, TOP - 100, 3}, 3);
        side.set(TOP + 1_000_000, 4); // far above: the old levels go to the far part
        side.set(TOP + 999_999, 5);
        assertThat(top(side, 10)).containsExactly(
                (TOP + 1_000_000) + "@4", (TOP + 999_999) + "@5", TOP + "@1", (TOP - 10) + "@2", (TOP - 100) + "@3");

        side.set(TOP + 1_000_000, 0);
        side.add(TOP + 999_999, -5); // the window empties and re-centres on the far levels
        assertThat(side.bestPrice()).isEqualTo(TOP);
        side.add(TOP - 10, 7);
        side.set(TOP, 0);
        assertThat(top(side, 10)).containsExactly((TOP - 10) + "@9", (TOP - 100) + "@3");
        assertThat(side.size()).isEqualTo(2);
    }

    @Test
    void sparseLevelsAgreeWithATreeMapModelThroughWindowMoves() {
        SplittableRandom random = new SplittableRandom(20261122);
        for (boolean bids : new boolean[] {true, false}) {
            LadderSide side = new LadderSide(bids);
            NavigableMap<Long, Long> model = bids ? new TreeMap<>(Collections.reverseOrder()) : new TreeMap<>();
            long mid = TOP;
            for (int i = 0; i < 200_000; i++) {
                if (random.nextInt(2_000) == 0) {
                    mid += (random.nextInt(2) == 0 ? 1 : -1) * random.nextLong(1, 200_000); // jumps beyond the window
                }
                long distance = random.nextInt(4) == 0 ? random.nextLong(70_000) : random.nextLong(300);
                long price = bids ? mid - distance : mid + distance;
                long amount = random.nextInt(2) == 0 ? 0 : random.nextLong(1, 1_000);
                if (random.nextInt(8) == 0 && !model.isEmpty()) {
                    price = model.firstKey(); // the best goes: the search for the next one crosses sparse levels
                    amount = 0;
                }
                if (random.nextInt(4) == 0) {
                    long difference = random.nextInt(2) == 0 ? -amount : amount;
                    side.add(price, difference);
                    long sum = model.getOrDefault(price, 0L) + difference;
                    if (model.containsKey(price) && sum <= 0) {
                        model.remove(price);
                    } else if (sum > 0) {
                        model.put(price, sum);
                    }
                } else {
                    side.set(price, amount);
                    if (amount == 0) {
                        model.remove(price);
                    } else {
                        model.put(price, amount);
                    }
                }
                assertThat(side.size()).as("size after %d changes", i + 1).isEqualTo(model.size());
                if (!model.isEmpty()) {
                    assertThat(side.bestPrice()).as("best after %d changes", i + 1).isEqualTo(model.firstKey());
                }
                if (i % 5_000 == 0) {
                    assertThat(top(side, Integer.MAX_VALUE)).isEqualTo(spelled(model));
                }
            }
            assertThat(top(side, Integer.MAX_VALUE)).isEqualTo(spelled(model));
        }
    }

    private static long[] levels(long top, int direction, long[] distances) {
        long[] levels = new long[2 * distances.length];
        for (int i = 0; i < distances.length; i++) {
            levels[2 * i] = top + direction * distances[i];
            levels[2 * i + 1] = i + 1;
        }
        return levels;
    }

    private static List<String> top(LadderSide side, int depth) {
        int wanted = Math.min(depth, side.size());
        long[] prices = new long[wanted];
        long[] amounts = new long[wanted];
        int count = side.copyTop(wanted, prices, amounts);
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            levels.add(prices[i] + "@" + amounts[i]);
        }
        return levels;
    }

    private static List<String> spelled(NavigableMap<Long, Long> model) {
        List<String> levels = new ArrayList<>();
        model.forEach((price, amount) -> levels.add(price + "@" + amount));
        return levels;
    }
}
