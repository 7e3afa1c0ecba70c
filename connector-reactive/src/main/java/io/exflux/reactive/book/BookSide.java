package io.exflux.reactive.book;

import java.util.Arrays;

/**
 * One side of a book as two parallel primitive arrays sorted by key, best level LAST. The key is the
 * scaled price for bids and its negation for asks, so both sides sort ascending and the best level of
 * either sits at the end of the arrays, where inserts and deletes move the fewest elements: venues
 * touch the top of the book most. Lookups gallop from the top, then binary-search. No boxing.
 */
final class BookSide {

    private static final int INITIAL_CAPACITY = 64;

    private final boolean bids;
    private long[] keys = new long[INITIAL_CAPACITY];
    private long[] amounts = new long[INITIAL_CAPACITY];
    private int size;

    BookSide(boolean bids) {
        this.bids = bids;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** The scaled price of the level {@code rank} places from the best (0 = best). */
    long priceAt(int rank) {
        long key = keys[size - 1 - rank];
        return bids ? key : -key;
    }

    /** The scaled amount of the level {@code rank} places from the best (0 = best). */
    long amountAt(int rank) {
        return amounts[size - 1 - rank];
    }

    /** Sets the amount at {@code price}; zero removes the level. */
    void set(long price, long amount) {
        long key = keyOf(price);
        int index = find(key);
        if (index >= 0) {
            if (amount == 0) {
                remove(index);
            } else {
                amounts[index] = amount;
            }
        } else if (amount != 0) {
            insert(-index - 1, key, amount);
        }
    }

    /**
     * Adds {@code difference} to the amount at {@code price}; a result of zero or less removes the level.
     *
     * @throws ArithmeticException when the sum overflows a long
     */
    void add(long price, long difference) {
        long key = keyOf(price);
        int index = find(key);
        if (index >= 0) {
            long sum = Math.addExact(amounts[index], difference);
            if (sum <= 0) {
                remove(index);
            } else {
                amounts[index] = sum;
            }
        } else if (difference > 0) {
            insert(-index - 1, key, difference);
        }
    }

    /**
     * Replaces the side with the given levels, in any order (venues send asks ascending or descending).
     * Zero amounts are skipped; a repeated price keeps its last amount.
     */
    void load(long[] prices, long[] levelAmounts, int count) {
        clear();
        ensureCapacity(count);
        boolean ascending = true;
        boolean descending = true;
        for (int i = 1; i < count; i++) {
            long previous = keyOf(prices[i - 1]);
            long current = keyOf(prices[i]);
            ascending &= previous < current;
            descending &= previous > current;
        }
        if (ascending || descending) {
            for (int i = 0; i < count; i++) {
                int from = descending ? count - 1 - i : i;
                if (levelAmounts[from] != 0) {
                    keys[size] = keyOf(prices[from]);
                    amounts[size] = levelAmounts[from];
                    size++;
                }
            }
        } else {
            for (int i = 0; i < count; i++) {
                set(prices[i], levelAmounts[i]);
            }
        }
    }

    private long keyOf(long price) {
        return bids ? price : -price;
    }

    /** The index of {@code key}, or {@code -(insertion point) - 1}; gallops down from the best level. */
    private int find(long key) {
        int high = size - 1;
        int step = 1;
        int low = high - step;
        while (low >= 0 && keys[low] > key) {
            high = low - 1;
            step <<= 1;
            low = high - step;
        }
        if (low < 0) {
            low = 0;
        }
        return Arrays.binarySearch(keys, low, high + 1, key);
    }

    private void insert(int index, long key, long amount) {
        ensureCapacity(size + 1);
        int tail = size - index;
        if (tail > 0) {
            System.arraycopy(keys, index, keys, index + 1, tail);
            System.arraycopy(amounts, index, amounts, index + 1, tail);
        }
        keys[index] = key;
        amounts[index] = amount;
        size++;
    }

    private void remove(int index) {
        int tail = size - index - 1;
        if (tail > 0) {
            System.arraycopy(keys, index + 1, keys, index, tail);
            System.arraycopy(amounts, index + 1, amounts, index, tail);
        }
        size--;
    }

    private void ensureCapacity(int needed) {
        if (needed > keys.length) {
            int capacity = Math.max(needed, keys.length * 2);
            keys = Arrays.copyOf(keys, capacity);
            amounts = Arrays.copyOf(amounts, capacity);
        }
    }
}
