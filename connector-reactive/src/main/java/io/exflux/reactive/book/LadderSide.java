package io.exflux.reactive.book;

import java.util.Arrays;

/**
 * One side of a book: a price-indexed ladder for the levels near the top, and a {@link BookSide} of
 * sorted chunks for the levels below the ladder's window.
 *
 * <p>Why: venues touch the top of the book most, and there a ladder finds a level by subtraction, with
 * no search and no moving of other levels; one bit per slot finds the next best level when the best one
 * goes. The window has a bounded number of slots (one per price tick), so far-away levels, which a
 * ladder could not hold without unbounded memory, live in the sorted chunks instead.
 *
 * <p>Keys are scaled prices for bids and their negation for asks, so the best level of either side is
 * the highest key. Invariants: every far level's key is below {@link #base}; the window is empty only
 * when the whole side is (an emptied window re-centres on the best far level).
 */
final class LadderSide {

    static final int MIN_SLOTS = 1024;
    static final int MAX_SLOTS = 1 << 16;

    private final boolean bids;
    private final BookSide far;
    private int slots = MIN_SLOTS;
    private long[] amounts = new long[MIN_SLOTS];
    private long[] occupied = new long[MIN_SLOTS / 64];
    /** The key of slot 0, a multiple of 64. */
    private long base;
    /** The highest occupied slot, or -1 when the window is empty. */
    private int top = -1;
    private int windowSize;

    LadderSide(boolean bids) {
        this.bids = bids;
        this.far = new BookSide(bids);
    }

    int size() {
        return windowSize + far.size();
    }

    /** True when the side has no level (the window is empty only when the whole side is). */
    boolean isEmpty() {
        return windowSize == 0;
    }

    void clear() {
        if (windowSize > 0) {
            Arrays.fill(amounts, 0L);
            Arrays.fill(occupied, 0L);
        }
        windowSize = 0;
        top = -1;
        far.clear();
    }

    /** The scaled price of the best level; only when the side is not empty. */
    long bestPrice() {
        return priceOf(base + top);
    }

    /** Copies up to {@code depth} levels, best first; returns how many. */
    int copyTop(int depth, long[] prices, long[] levelAmounts) {
        int copied = 0;
        for (int slot = top; slot >= 0 && copied < depth; slot = previousOccupied(slot - 1)) {
            prices[copied] = priceOf(base + slot);
            levelAmounts[copied] = amounts[slot];
            copied++;
        }
        return copied + far.copyTop(depth - copied, prices, levelAmounts, copied);
    }

    /** Sets the amount at {@code price}; zero removes the level. */
    void set(long price, long amount) {
        long key = keyOf(price);
        long offset = key - base;
        if (windowSize == 0 || offset >= slots) {
            if (amount == 0) {
                return; // above the window (or an empty side): no such level
            }
            moveWindowTo(key);
            offset = key - base;
        } else if (offset < 0) {
            far.set(price, amount);
            return;
        }
        int slot = (int) offset;
        if (amount == 0) {
            removeSlot(slot);
        } else {
            putSlot(slot, amount);
        }
    }

    /**
     * Adds {@code difference} to the amount at {@code price}; a result of zero or less removes the level.
     *
     * @throws ArithmeticException when the sum overflows a long
     */
    void add(long price, long difference) {
        long key = keyOf(price);
        long offset = key - base;
        if (windowSize == 0 || offset >= slots) {
            if (difference <= 0) {
                return;
            }
            moveWindowTo(key);
            offset = key - base;
        } else if (offset < 0) {
            far.add(price, difference);
            return;
        }
        int slot = (int) offset;
        if (isOccupied(slot)) {
            long sum = Math.addExact(amounts[slot], difference);
            if (sum <= 0) {
                removeSlot(slot);
            } else {
                amounts[slot] = sum;
            }
        } else if (difference > 0) {
            putSlot(slot, difference);
        }
    }

    /**
     * Replaces the side with the given levels (price, amount pairs), in any order; zero amounts are skipped, a repeated price
     * keeps its last non-zero amount. Sizes the window to the snapshot's spread of prices.
     */
    void load(long[] levels, int count) {
        clear();
        long best = Long.MIN_VALUE;
        long worst = Long.MAX_VALUE;
        for (int i = 0; i < 2 * count; i += 2) {
            if (levels[i + 1] != 0) {
                long key = keyOf(levels[i]);
                best = Math.max(best, key);
                worst = Math.min(worst, key);
            }
        }
        if (best == Long.MIN_VALUE) {
            return;
        }
        long span = best - worst + 1;
        int wanted = MIN_SLOTS;
        while (wanted < MAX_SLOTS && wanted - wanted / 4 < span) {
            wanted <<= 1;
        }
        if (wanted != slots) {
            slots = wanted;
            amounts = new long[slots];
            occupied = new long[slots / 64];
        }
        moveWindowTo(best);
        for (int i = 0; i < 2 * count; i += 2) {
            long amount = levels[i + 1];
            if (amount != 0) {
                long offset = keyOf(levels[i]) - base; // below slots: the best key anchors the window
                if (offset >= 0) {
                    putSlot((int) offset, amount);
                } else {
                    far.set(levels[i], amount);
                }
            }
        }
    }

    private long keyOf(long price) {
        return bids ? price : -price;
    }

    private long priceOf(long key) {
        return bids ? key : -key;
    }

    private boolean isOccupied(int slot) {
        return (occupied[slot >>> 6] & (1L << slot)) != 0;
    }

    private void putSlot(int slot, long amount) {
        if (!isOccupied(slot)) {
            occupied[slot >>> 6] |= 1L << slot;
            windowSize++;
            if (slot > top) {
                top = slot;
            }
        }
        amounts[slot] = amount;
    }

    private void removeSlot(int slot) {
        if (!isOccupied(slot)) {
            return;
        }
        occupied[slot >>> 6] &= ~(1L << slot);
        amounts[slot] = 0;
        windowSize--;
        if (slot == top) {
            top = previousOccupied(slot - 1);
        }
        if (windowSize == 0 && far.size() > 0) {
            moveWindowTo(keyOf(far.bestPrice())); // keep the window on the best levels
        }
    }

    /** The highest occupied slot at or below {@code from}, or -1. */
    private int previousOccupied(int from) {
        if (from < 0) {
            return -1;
        }
        int word = from >>> 6;
        long bits = occupied[word] & (-1L >>> (63 - (from & 63)));
        while (true) {
            if (bits != 0) {
                return (word << 6) + 63 - Long.numberOfLeadingZeros(bits);
            }
            if (--word < 0) {
                return -1;
            }
            bits = occupied[word];
        }
    }

    /**
     * Moves the window so that {@code key} sits a quarter of the window below its top (room for better
     * prices): levels that fall below the window go to the far part, far levels that fall inside it come
     * back. Rare: when the best price leaves the window, or the window empties.
     */
    private void moveWindowTo(long key) {
        long newBase = Math.floorDiv(key - (slots - slots / 4), 64) * 64;
        if (windowSize == 0) {
            base = newBase;
        } else {
            shiftUp(newBase); // a non-empty window only moves up: to take a key above its top
        }
        // far levels now inside the window move into it; they are the best far levels
        while (far.size() > 0 && keyOf(far.bestPrice()) >= base) {
            long price = far.bestPrice();
            long amount = far.bestAmount();
            far.set(price, 0);
            putSlot((int) (keyOf(price) - base), amount);
        }
    }

    private void shiftUp(long newBase) {
        long distance = newBase - base;
        int evicted = (int) Math.min(distance, slots);
        for (int slot = previousOccupied(evicted - 1); slot >= 0; slot = previousOccupied(slot - 1)) {
            far.set(priceOf(base + slot), amounts[slot]);
            windowSize--;
        }
        int kept = slots - evicted;
        System.arraycopy(amounts, evicted, amounts, 0, kept);
        Arrays.fill(amounts, kept, slots, 0L);
        System.arraycopy(occupied, evicted / 64, occupied, 0, kept / 64);
        Arrays.fill(occupied, kept / 64, slots / 64, 0L);
        base = newBase;
        top = previousOccupied(slots - 1);
    }
}
