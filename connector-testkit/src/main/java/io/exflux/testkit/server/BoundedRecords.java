package io.exflux.testkit.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * A ring of the most recent records: at most {@code capacity} of them and at most {@code maxWeight} in
 * total weight (e.g. body bytes); the oldest go first. Lock-free; a reader sees a consistent-enough copy
 * for tests (a record added during the copy may or may not be in it).
 */
final class BoundedRecords<T> implements Iterable<T> {

    private final ConcurrentLinkedDeque<T> records = new ConcurrentLinkedDeque<>();
    private final ToLongFunction<T> weigher;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong weight = new AtomicLong();
    private volatile int capacity;
    private volatile long maxWeight;

    BoundedRecords(int capacity, long maxWeight, ToLongFunction<T> weigher) {
        this.capacity = capacity;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    void limits(int newCapacity, long newMaxWeight) {
        this.capacity = newCapacity;
        this.maxWeight = newMaxWeight;
        trim();
    }

    void add(T record) {
        records.addLast(record);
        count.incrementAndGet();
        weight.addAndGet(weigher.applyAsLong(record));
        trim();
    }

    void clear() {
        T polled;
        while ((polled = records.pollFirst()) != null) {
            forget(polled);
        }
    }

    List<T> snapshot() {
        return List.copyOf(new ArrayList<>(records));
    }

    int size() {
        return count.get();
    }

    long weight() {
        return weight.get();
    }

    @Override
    public Iterator<T> iterator() {
        return records.iterator();
    }

    private void trim() {
        while (count.get() > capacity || weight.get() > maxWeight) {
            T oldest = records.pollFirst();
            if (oldest == null) {
                return;
            }
            forget(oldest);
        }
    }

    private void forget(T record) {
        count.decrementAndGet();
        weight.addAndGet(-weigher.applyAsLong(record));
    }
}
