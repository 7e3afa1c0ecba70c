package io.exflux.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A reproducible stream of single-level book updates in absolute sizes, the same for every book
 * implementation measured: a starting book of {@code levels} levels a side on a grid of {@code 2 * levels}
 * ticks a side, then updates of which half are deletes (four in five of a level present, one in five of
 * a level already gone, as venues send for levels leaving their window), the rest inserts while a side
 * is below {@code levels} levels and amount changes otherwise. Prices are drawn towards the top of the
 * book, where venues touch it most. Prices have 2 decimals, amounts 5.
 */
public final class SyntheticBookStream {

    /** Decimals of every price. */
    public static final int PRICE_SCALE = 2;
    /** Decimals of every amount. */
    public static final int AMOUNT_SCALE = 5;
    private static final long MID_TICKS = 5_000_000; // 50,000.00

    /** Price and amount of the starting bids, best first. */
    public final List<BigDecimal[]> initialBids = new ArrayList<>();
    /** Price and amount of the starting asks, best first. */
    public final List<BigDecimal[]> initialAsks = new ArrayList<>();
    /** For each update: true for a bid, false for an ask. */
    public final boolean[] isBid;
    /** For each update: the price. */
    public final BigDecimal[] prices;
    /** For each update: the new amount at that price, zero to delete. */
    public final BigDecimal[] amounts;
    /** How many updates are deletes. */
    public final int deletes;

    private final SplittableRandom random;
    private final int domain;

    /**
     * @param levels  levels a side in the starting book, and the most a side grows to
     * @param updates how many updates
     * @param seed    the random seed
     */
    public SyntheticBookStream(int levels, int updates, long seed) {
        this.random = new SplittableRandom(seed);
        this.domain = 2 * levels;
        BitSet bids = new BitSet(domain);
        BitSet asks = new BitSet(domain);
        fill(bids, levels, initialBids, true);
        fill(asks, levels, initialAsks, false);
        isBid = new boolean[updates];
        prices = new BigDecimal[updates];
        amounts = new BigDecimal[updates];
        int deleteCount = 0;
        for (int i = 0; i < updates; i++) {
            boolean bid = random.nextBoolean();
            BitSet side = bid ? bids : asks;
            double dice = random.nextDouble();
            int tick;
            BigDecimal amount;
            if (dice < 0.5) {
                tick = dice < 0.4 && !side.isEmpty() ? present(side) : absent(side);
                side.clear(tick);
                amount = BigDecimal.ZERO;
                deleteCount++;
            } else {
                tick = side.cardinality() < levels ? absent(side) : present(side);
                side.set(tick);
                amount = amount();
            }
            isBid[i] = bid;
            prices[i] = price(bid, tick);
            amounts[i] = amount;
        }
        deletes = deleteCount;
    }

    private void fill(BitSet side, int levels, List<BigDecimal[]> initial, boolean bid) {
        while (side.cardinality() < levels) {
            side.set(random.nextInt(domain));
        }
        for (int tick = side.nextSetBit(0); tick >= 0; tick = side.nextSetBit(tick + 1)) {
            initial.add(new BigDecimal[] {price(bid, tick), amount()});
        }
    }

    /** A tick index from the top of the book, drawn towards the top. */
    private int nearTop() {
        double u = random.nextDouble();
        return (int) (u * u * domain);
    }

    private int present(BitSet side) {
        int tick = side.nextSetBit(nearTop());
        return tick >= 0 ? tick : side.previousSetBit(domain - 1);
    }

    private int absent(BitSet side) {
        int tick = side.nextClearBit(nearTop());
        return tick < domain ? tick : side.previousClearBit(domain - 1);
    }

    private BigDecimal amount() {
        return BigDecimal.valueOf(1 + random.nextInt(10_000_000), AMOUNT_SCALE);
    }

    private static BigDecimal price(boolean bid, int tick) {
        return BigDecimal.valueOf(bid ? MID_TICKS - 1 - tick : MID_TICKS + 1 + tick, PRICE_SCALE);
    }
}
