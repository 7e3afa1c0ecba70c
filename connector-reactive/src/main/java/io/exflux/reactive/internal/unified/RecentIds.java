package io.exflux.reactive.internal.unified;

import java.util.Arrays;

/**
 * A bounded set of the most recently seen ids: past its capacity the least recently seen id is forgotten, and an id
 * seen again counts as seen now. The same window as a {@link RecentKeys} in access order, without its cost per id:
 * a stream's de-duplication asks once per message, and a linked hash map made a node per id and hashed the evicted
 * key again (a fifth of a trade's cost from frame to subscriber). Here every entry lives in arrays allocated once:
 * an open-addressing table (linear probing, deletion by backward shift) and a list in seen order, both by entry index.
 * The arrays start small and double until they hold the capacity (a stream subscribed for a few trades does not pay
 * for ten thousand ids up front); after that nothing is allocated. Not thread-safe: its owner serialises access.
 */
final class RecentIds {

    private static final int EMPTY = -1;
    /** A free slot of the table (no entry index is {@code 0xFFFFFFFF}). */
    private static final long FREE = -1L;
    /** Entries allocated at first; the arrays double from there up to the capacity. */
    private static final int INITIAL_ENTRIES = 64;

    private final int capacity;
    /** By entry index: the id, its hash, and its neighbours in seen order (older, newer). */
    private String[] ids;
    private int[] hashes;
    private int[] older;
    private int[] newer;
    /**
     * Open addressing, at least twice the capacity and a power of two: per slot the entry's hash (high half) and
     * index (low half), or {@link #FREE}; the hash beside the index spares a probe a look into {@link #hashes}.
     */
    private long[] slots;
    private int mask;
    private int size;
    private int oldest = EMPTY;
    private int newest = EMPTY;

    RecentIds(int capacity) {
        if (capacity <= 0 || capacity > 1 << 28) {
            throw new IllegalArgumentException("capacity must be between 1 and 2^28: " + capacity);
        }
        this.capacity = capacity;
        int entries = Math.min(capacity, INITIAL_ENTRIES);
        ids = new String[entries];
        hashes = new int[entries];
        older = new int[entries];
        newer = new int[entries];
        newTable(entries);
    }

    /** An empty table for {@code entries}: at least twice as many slots, a power of two. */
    private void newTable(int entries) {
        int tableSize = Integer.highestOneBit(Math.max(2, entries) * 2 - 1) << 1;
        slots = new long[tableSize];
        Arrays.fill(slots, FREE);
        mask = tableSize - 1;
    }

    /** Doubles the entries (up to the capacity) and rebuilds the table; only before the window is full. */
    private void grow() {
        int entries = (int) Math.min(capacity, 2L * ids.length);
        ids = Arrays.copyOf(ids, entries);
        hashes = Arrays.copyOf(hashes, entries);
        older = Arrays.copyOf(older, entries);
        newer = Arrays.copyOf(newer, entries);
        newTable(entries);
        // nothing was forgotten yet: entries 0 to size - 1 are all live
        for (int entry = 0; entry < size; entry++) {
            int slot = hashes[entry] & mask;
            while (slots[slot] != FREE) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = (long) hashes[entry] << 32 | entry;
        }
    }

    /**
     * Remembers {@code id} as the most recently seen.
     *
     * @return {@code true} if it was remembered already (a repeat), {@code false} if it is new
     */
    boolean seen(String id) {
        if (size == ids.length && size < capacity) {
            grow();
        }
        int hash = spread(id.hashCode());
        int slot = hash & mask;
        for (long taken = slots[slot]; taken != FREE; taken = slots[slot]) {
            if ((int) (taken >>> 32) == hash && ids[(int) taken].equals(id)) {
                touch((int) taken);
                return true;
            }
            slot = (slot + 1) & mask;
        }
        int entry;
        if (size < capacity) {
            entry = size++;
        } else {
            entry = oldest;
            forget(entry);
            // forgetting may have shifted entries into the empty slot found above: look for one again
            slot = hash & mask;
            while (slots[slot] != FREE) {
                slot = (slot + 1) & mask;
            }
        }
        ids[entry] = id;
        hashes[entry] = hash;
        slots[slot] = (long) hash << 32 | entry;
        append(entry);
        return false;
    }

    /** How many ids are remembered. */
    int size() {
        return size;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** Moves {@code entry} to the newest end of the seen order. */
    private void touch(int entry) {
        if (entry != newest) {
            unlink(entry);
            append(entry);
        }
    }

    private void append(int entry) {
        older[entry] = newest;
        newer[entry] = EMPTY;
        if (newest != EMPTY) {
            newer[newest] = entry;
        } else {
            oldest = entry;
        }
        newest = entry;
    }

    private void unlink(int entry) {
        int before = older[entry];
        int after = newer[entry];
        if (before != EMPTY) {
            newer[before] = after;
        } else {
            oldest = after;
        }
        if (after != EMPTY) {
            older[after] = before;
        } else {
            newest = before;
        }
    }

    /** Takes {@code entry} out of the order and the table; its index is reused by the caller. */
    private void forget(int entry) {
        unlink(entry);
        int slot = hashes[entry] & mask;
        while ((int) slots[slot] != entry) {
            slot = (slot + 1) & mask;
        }
        // backward shift: move later entries of the probe run into the hole unless their home lies after it
        int hole = slot;
        int next = (hole + 1) & mask;
        while (slots[next] != FREE) {
            int home = (int) (slots[next] >>> 32) & mask;
            boolean homeInRange = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!homeInRange) {
                slots[hole] = slots[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        slots[hole] = FREE;
        ids[entry] = null;
    }
}
