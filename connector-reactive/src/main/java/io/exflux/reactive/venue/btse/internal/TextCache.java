package io.exflux.reactive.venue.btse.internal;

/**
 * Hands out the same {@code String} for the same characters (topics, symbols, sides: a few dozen distinct
 * texts repeated in every frame), so the decoders do not allocate one per frame. A fixed table of slots,
 * last writer wins; racy by design: strings are immutable, so any thread sees a whole one or none.
 */
final class TextCache {

    private static final int SLOTS = 512;
    private static final int LONGEST = 64;

    private final String[] slots = new String[SLOTS];

    /** The string of {@code length} characters of {@code text} from {@code offset}. */
    String of(char[] text, int offset, int length) {
        if (length > LONGEST) {
            return new String(text, offset, length);
        }
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + text[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && sameText(cached, text, offset, length)) {
            return cached;
        }
        String fresh = new String(text, offset, length);
        slots[slot] = fresh;
        return fresh;
    }

    private static boolean sameText(String cached, char[] text, int offset, int length) {
        if (cached.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (cached.charAt(i) != text[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
