package io.exflux.reactive.internal.book;

import java.util.Arrays;

/**
 * The far part of one side of a book (see {@link LadderSide}): a list of small sorted chunks of
 * primitive {@code long} pairs (key, amount), for levels of any price. The key is the scaled price for bids and its negation for asks, so both sides sort ascending and the
 * best level of either is the last entry of the last chunk. An insert or delete moves at most one
 * chunk's entries (not the whole side, as one flat array or an {@code ArrayList} would), and lookups
 * gallop from the top chunk, because venues touch the top of the book most. No boxing, and no
 * allocation on the update path once the chunks exist (emptied chunks are kept for reuse).
 */
final class ChunkedSide {

    /** Entries a chunk holds at most; a full chunk splits in two. */
    static final int CHUNK_CAPACITY = 64;
    /** Two neighbouring chunks holding this many entries together or fewer are merged. */
    private static final int MERGE_BELOW = CHUNK_CAPACITY / 2;

    private static final class Chunk {
        final long[] keys = new long[CHUNK_CAPACITY];
        final long[] amounts = new long[CHUNK_CAPACITY];
        int size;
    }

    private final boolean bids;
    private Chunk[] chunks = new Chunk[8];
    private int chunkCount;
    private int size;
    private Chunk[] spares = new Chunk[8];
    private int spareCount;

    ChunkedSide(boolean bids) {
        this.bids = bids;
    }

    int size() {
        return size;
    }

    void clear() {
        while (chunkCount > 0) {
            release(chunks[--chunkCount]);
            chunks[chunkCount] = null;
        }
        size = 0;
    }

    /** The scaled price of the best level; only when the side is not empty. */
    long bestPrice() {
        Chunk top = chunks[chunkCount - 1];
        return priceOf(top.keys[top.size - 1]);
    }

    /** The scaled amount of the best level; only when the side is not empty. */
    long bestAmount() {
        Chunk top = chunks[chunkCount - 1];
        return top.amounts[top.size - 1];
    }

    /**
     * Copies up to {@code depth} levels, best first, into the two arrays from index {@code from} on.
     *
     * @return how many levels were copied
     */
    int copyTop(int depth, long[] prices, long[] levelAmounts, int from) {
        int copied = 0;
        for (int c = chunkCount - 1; c >= 0 && copied < depth; c--) {
            Chunk chunk = chunks[c];
            for (int i = chunk.size - 1; i >= 0 && copied < depth; i--) {
                prices[from + copied] = priceOf(chunk.keys[i]);
                levelAmounts[from + copied] = chunk.amounts[i];
                copied++;
            }
        }
        return copied;
    }

    /** Sets the amount at {@code price}; zero removes the level. */
    void set(long price, long amount) {
        long key = keyOf(price);
        if (chunkCount == 0) {
            if (amount != 0) {
                insertChunk(0);
                insert(0, 0, key, amount);
            }
            return;
        }
        int c = chunkFor(key);
        Chunk chunk = chunks[c];
        int index = Arrays.binarySearch(chunk.keys, 0, chunk.size, key);
        if (index >= 0) {
            if (amount == 0) {
                remove(c, index);
            } else {
                chunk.amounts[index] = amount;
            }
        } else if (amount != 0) {
            insert(c, -index - 1, key, amount);
        }
    }

    /**
     * Adds {@code difference} to the amount at {@code price}; a result of zero or less removes the level.
     *
     * @throws ArithmeticException when the sum overflows a long
     */
    void add(long price, long difference) {
        long key = keyOf(price);
        if (chunkCount == 0) {
            if (difference > 0) {
                insertChunk(0);
                insert(0, 0, key, difference);
            }
            return;
        }
        int c = chunkFor(key);
        Chunk chunk = chunks[c];
        int index = Arrays.binarySearch(chunk.keys, 0, chunk.size, key);
        if (index >= 0) {
            long sum = Math.addExact(chunk.amounts[index], difference);
            if (sum <= 0) {
                remove(c, index);
            } else {
                chunk.amounts[index] = sum;
            }
        } else if (difference > 0) {
            insert(c, -index - 1, key, difference);
        }
    }

    private long keyOf(long price) {
        return bids ? price : -price;
    }

    private long priceOf(long key) {
        return bids ? key : -key;
    }

    /** The chunk where {@code key} is or belongs: the last whose first key is at or below it, else the first. */
    private int chunkFor(long key) {
        int high = chunkCount - 1;
        if (chunks[high].keys[0] <= key) {
            return high;
        }
        // gallop down from the top: chunks[high] starts above key
        int step = 1;
        int low = high - step;
        while (low >= 0 && chunks[low].keys[0] > key) {
            high = low;
            step <<= 1;
            low = high - step;
        }
        if (low < 0) {
            low = 0;
            if (chunks[0].keys[0] > key) {
                return 0;
            }
        }
        // chunks[low] starts at or below key, chunks[high] above it
        int last = high - 1;
        while (low < last) {
            int mid = (low + last + 1) >>> 1;
            if (chunks[mid].keys[0] <= key) {
                low = mid;
            } else {
                last = mid - 1;
            }
        }
        return low;
    }

    private void insert(int c, int index, long key, long amount) {
        Chunk chunk = chunks[c];
        if (chunk.size == CHUNK_CAPACITY) {
            int half = CHUNK_CAPACITY / 2;
            Chunk upper = insertChunk(c + 1);
            System.arraycopy(chunk.keys, half, upper.keys, 0, CHUNK_CAPACITY - half);
            System.arraycopy(chunk.amounts, half, upper.amounts, 0, CHUNK_CAPACITY - half);
            upper.size = CHUNK_CAPACITY - half;
            chunk.size = half;
            if (index > half) {
                chunk = upper;
                index -= half;
            }
        }
        int tail = chunk.size - index;
        if (tail > 0) {
            System.arraycopy(chunk.keys, index, chunk.keys, index + 1, tail);
            System.arraycopy(chunk.amounts, index, chunk.amounts, index + 1, tail);
        }
        chunk.keys[index] = key;
        chunk.amounts[index] = amount;
        chunk.size++;
        size++;
    }

    private void remove(int c, int index) {
        Chunk chunk = chunks[c];
        int tail = chunk.size - index - 1;
        if (tail > 0) {
            System.arraycopy(chunk.keys, index + 1, chunk.keys, index, tail);
            System.arraycopy(chunk.amounts, index + 1, chunk.amounts, index, tail);
        }
        chunk.size--;
        size--;
        if (chunk.size == 0) {
            removeChunk(c);
        } else if (c > 0 && chunks[c - 1].size + chunk.size <= MERGE_BELOW) {
            mergeIntoLower(c);
        } else if (c + 1 < chunkCount && chunks[c + 1].size + chunk.size <= MERGE_BELOW) {
            mergeIntoLower(c + 1);
        }
    }

    /** Appends chunk {@code c} to chunk {@code c - 1} and drops it. */
    private void mergeIntoLower(int c) {
        Chunk lower = chunks[c - 1];
        Chunk upper = chunks[c];
        System.arraycopy(upper.keys, 0, lower.keys, lower.size, upper.size);
        System.arraycopy(upper.amounts, 0, lower.amounts, lower.size, upper.size);
        lower.size += upper.size;
        upper.size = 0;
        removeChunk(c);
    }

    private Chunk insertChunk(int at) {
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        System.arraycopy(chunks, at, chunks, at + 1, chunkCount - at);
        Chunk chunk = spareCount > 0 ? spares[--spareCount] : new Chunk();
        chunk.size = 0;
        chunks[at] = chunk;
        chunkCount++;
        return chunk;
    }

    private void removeChunk(int at) {
        Chunk chunk = chunks[at];
        System.arraycopy(chunks, at + 1, chunks, at, chunkCount - at - 1);
        chunks[--chunkCount] = null;
        release(chunk);
    }

    private void release(Chunk chunk) {
        chunk.size = 0;
        if (spareCount == spares.length) {
            spares = Arrays.copyOf(spares, spareCount * 2);
        }
        spares[spareCount++] = chunk;
    }
}
