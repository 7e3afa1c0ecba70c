package io.exflux.reactive.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * The text of the parser's current string or number as a {@code CharSequence}, without a {@code String}: a view
 * of the parser's own buffer, trimmed like {@code String.trim()}, valid until the parser moves on. The way a hot
 * decoder hands number text to a parser of scaled longs. One per {@link JsonFrameReader}; not thread-safe.
 */
public final class JsonText implements CharSequence {

    private char[] chars = new char[0];
    private int offset;
    private int length;

    JsonText() {
    }

    /** This view, now on the current token's text. */
    public JsonText of(JsonParser parser) throws IOException {
        chars = parser.getTextCharacters();
        int start = parser.getTextOffset();
        int end = start + parser.getTextLength();
        while (start < end && chars[start] <= ' ') {
            start++;
        }
        while (end > start && chars[end - 1] <= ' ') {
            end--;
        }
        offset = start;
        length = end - start;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return chars[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return new String(chars, offset, length);
    }
}
