package io.exflux.reactive.venue.alp.internal;

import java.util.function.UnaryOperator;

/**
 * A topic name per pair, remembered: routing a frame names its pair's topic, and building {@code "trade." + pair}
 * for every frame would be the frame's largest allocation. A small direct-mapped table of immutable entries, shared
 * between threads without locks (a racing reader sees a whole entry or another); a miss builds the name and takes
 * the slot.
 */
final class AlpTopicCache {

    private static final int SLOTS = 256;

    private record Entry(String pair, String topic) {
    }

    private final Entry[] slots = new Entry[SLOTS];
    private final UnaryOperator<String> name;

    /** @param name the topic of a pair, for example {@code AlpTopics::trades} */
    AlpTopicCache(UnaryOperator<String> name) {
        this.name = name;
    }

    String topic(String pair) {
        int hash = pair.hashCode();
        int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        Entry entry = slots[slot];
        if (entry != null && (entry.pair == pair || entry.pair.equals(pair))) {
            return entry.topic;
        }
        String topic = name.apply(pair);
        slots[slot] = new Entry(pair, topic);
        return topic;
    }
}
