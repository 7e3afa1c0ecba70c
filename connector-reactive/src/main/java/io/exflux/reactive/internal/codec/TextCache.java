package io.exflux.reactive.internal.codec;

/**
 * Short texts that repeat on a stream (pairs, sides, types), kept in a small table so that reading one again
 * builds no {@code String}. A lookup compares the characters; a miss replaces the slot. Shared between threads
 * without locks: a slot holds an immutable {@code String}, so a racing reader sees a whole one or another.
 */
final class TextCache {

    /** Longer texts are built each time (ids, messages). */
    static final int MAX_LENGTH = 24;
    private static final int SLOTS = 512;

    private final String[] slots = new String[SLOTS];

    String get(char[] chars, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(chars, offset, length);
        }
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && equal(cached, chars, offset, length)) {
            return cached;
        }
        String text = new String(chars, offset, length);
        slots[slot] = text;
        return text;
    }

    private static boolean equal(String cached, char[] chars, int offset, int length) {
        if (cached.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (cached.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
