package io.exflux.reactive.internal.unified;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map of the most recently touched keys: past its capacity the least recently touched entry
 * is forgotten, so a stream that runs for weeks holds a fixed amount of state. Not thread-safe: its
 * owner serialises access.
 *
 * @param <V> what is remembered per key
 */
final class RecentKeys<V> {

    private final Map<String, V> entries;

    RecentKeys(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value remembered for {@code key}, or {@code null}; counts as a touch. */
    V get(String key) {
        return entries.get(key);
    }

    /** Remembers {@code value} for {@code key}; returns the previous value or {@code null}. */
    V put(String key, V value) {
        return entries.put(key, value);
    }
}
