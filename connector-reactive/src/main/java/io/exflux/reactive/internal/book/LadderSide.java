package io.exflux.reactive.internal.book;

import java.util.Arrays;

/**
 * One side of a book: a price-indexed ladder for the levels near the top, and a {@link ChunkedSide} of
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

    /** 0 for bids, -1 for asks: {@code (price ^ sign) - sign} is the key, without a branch. */
    private final long sign;
    private final ChunkedSide far;
    private int slots = MIN_SLOTS;
    private long[] amounts = new long[MIN_SLOTS];
    /** One bit per slot: set when the slot holds a level. */
    private long[] occupied = new long[MIN_SLOTS / 64];
    /**
     * One bit per word of {@link #occupied}: set when that word is not zero, so finding the next best
     * level after a delete skips 64 empty words at a time (at most {@code MAX_SLOTS / 4096} summary words).
     */
    private long[] summary = new long[summaryWords(MIN_SLOTS)];
    /** The key of slot 0, a multiple of 64. */
    private long base;
    /** The highest occupied slot, or -1 when the window is empty. */
    private int top = -1;
    private int windowSize;

    LadderSide(boolean bids) {
        this.sign = bids ? 0L : -1L;
        this.far = new ChunkedSide(bids);
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
            Arrays.fill(summary, 0L);
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

    /**
     * Sets the amount at {@code price}; zero removes the level. {@code amount} must not be negative.
     *
     * <p>Inside the window this is straight-line code: whether the update inserts, changes or deletes
     * (a coin toss for the CPU, as venues send about as many deletes as the rest) only changes the
     * values written, not the path taken; only a change at or above the best level branches off.
     */
    void set(long price, long amount) {
        long offset = keyOf(price) - base;
        if (offset < 0 || offset >= slots || windowSize == 0) {
            setOutsideWindow(price, amount);
            return;
        }
        int slot = (int) offset;
        int wordIndex = slot >>> 6;
        long bit = 1L << slot;
        long word = occupied[wordIndex];
        long nonZero = (amount | -amount) >> 63; // -1 when amount > 0, 0 when amount == 0
        long updated = (word & ~bit) | (bit & nonZero);
        occupied[wordIndex] = updated;
        amounts[slot] = amount;
        windowSize += (int) ((updated >>> slot) & 1) - (int) ((word >>> slot) & 1);
        markSummary(wordIndex, updated);
        if (slot >= top) {
            top = amount != 0 ? slot : previousOccupied(slot);
            if (top < 0) {
                recentreEmptiedWindow();
            }
        }
    }

    private void setOutsideWindow(long price, long amount) {
        long key = keyOf(price);
        long offset = key - base;
        if (windowSize == 0 || offset >= slots) {
            if (amount == 0) {
                return; // above the window (or an empty side): no such level
            }
            moveWindowTo(key);
            putSlot((int) (key - base), amount);
        } else {
            far.set(price, amount);
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
            summary = new long[summaryWords(slots)];
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
        return (price ^ sign) - sign;
    }

    private long priceOf(long key) {
        return (key ^ sign) - sign;
    }

    private static int summaryWords(int slots) {
        return (slots / 64 + 63) / 64;
    }

    /** Keeps the summary bit of word {@code wordIndex} equal to {@code word != 0}, without a branch. */
    private void markSummary(int wordIndex, long word) {
        int summaryIndex = wordIndex >>> 6;
        long bit = 1L << wordIndex;
        long nonZero = (word | -word) >> 63;
        summary[summaryIndex] = (summary[summaryIndex] & ~bit) | (bit & nonZero);
    }

    private boolean isOccupied(int slot) {
        return (occupied[slot >>> 6] & (1L << slot)) != 0;
    }

    private void putSlot(int slot, long amount) {
        if (!isOccupied(slot)) {
            occupied[slot >>> 6] |= 1L << slot;
            summary[slot >>> 12] |= 1L << (slot >>> 6);
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
        int wordIndex = slot >>> 6;
        occupied[wordIndex] &= ~(1L << slot);
        markSummary(wordIndex, occupied[wordIndex]);
        amounts[slot] = 0;
        windowSize--;
        if (slot == top) {
            top = previousOccupied(slot - 1);
        }
        if (windowSize == 0) {
            recentreEmptiedWindow();
        }
    }

    /** An emptied window moves onto the best far level, if any: the window holds the best levels. */
    private void recentreEmptiedWindow() {
        if (far.size() > 0) {
            moveWindowTo(keyOf(far.bestPrice()));
        }
    }


    /**
     * The highest occupied slot at or below {@code from}, or -1: the rest of {@code from}'s word, then
     * the summary finds the next non-empty word (skipping up to 64 empty words a step).
     */
    private int previousOccupied(int from) {
        if (from < 0) {
            return -1;
        }
        int wordIndex = from >>> 6;
        long bits = occupied[wordIndex] & (-1L >>> (63 - (from & 63)));
        if (bits != 0) {
            return (wordIndex << 6) + 63 - Long.numberOfLeadingZeros(bits);
        }
        if (wordIndex == 0) {
            return -1;
        }
        int below = wordIndex - 1; // the highest word that may still hold a level
        int summaryIndex = below >>> 6;
        long words = summary[summaryIndex] & (-1L >>> (63 - (below & 63)));
        while (words == 0) {
            if (--summaryIndex < 0) {
                return -1;
            }
            words = summary[summaryIndex];
        }
        int found = (summaryIndex << 6) + 63 - Long.numberOfLeadingZeros(words);
        return (found << 6) + 63 - Long.numberOfLeadingZeros(occupied[found]);
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
        Arrays.fill(summary, 0L);
        for (int wordIndex = 0; wordIndex < kept / 64; wordIndex++) {
            markSummary(wordIndex, occupied[wordIndex]);
        }
        base = newBase;
        top = previousOccupied(slots - 1);
    }
}
