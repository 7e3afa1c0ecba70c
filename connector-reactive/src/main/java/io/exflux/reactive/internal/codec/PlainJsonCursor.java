package io.exflux.reactive.internal.codec;

import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.util.Arrays;

/**
 * Reads a frame's JSON straight from its bytes when it is spelled the plain way, for a decoder's few hot frame
 * shapes: Jackson's general token machinery costs more than the whole of a 50-byte frame. Plain means ASCII,
 * whitespace only between tokens, strings without escapes or control characters, numbers as a JSON number without
 * exponent ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?}) or a string of {@code -?[0-9]+(.[0-9]+)?}, of at most
 * {@value #MAX_NUMBER_CHARS} characters and {@value PackedDecimal#MAX_DIGITS} significant digits.
 *
 * <p>The cursor never judges a frame: each read consumes what it read and returns it, or returns "not plain"
 * ({@code false}, {@code null}, {@link PackedDecimal#NONE}, -1), and the caller then gives the whole frame to the
 * full reader ({@link JsonFrameReader}), which reads every other spelling and says what is wrong with a malformed
 * frame. Values read here equal what {@link JsonValues} reads from the same text (the same
 * {@link PackedDecimal} rules, texts from the same cache, the same reused time), so a frame reads the same either
 * way. Work is linear in the frame and bounded per number. One cursor per thread; not thread-safe.
 */
public final class PlainJsonCursor {

    /** Longest number text read here; a longer one (leading zeros, many digits) is left to the full reader. */
    static final int MAX_NUMBER_CHARS = 40;
    /** Longest frame read here; longer ones are no market-data frame worth a copy. */
    private static final int MAX_FRAME = 16 * 1024;
    private static final int MAX_SECONDS_DIGITS = 12;
    private static final int MAX_WHOLE_DIGITS = 18;

    private byte[] input;
    private int at;
    private int end;
    private byte[] copy = new byte[512];
    private final char[] chars = new char[TextCache.MAX_LENGTH];
    /** The text {@link #text()} read last, and its bytes. */
    private final byte[] lastTextBytes = new byte[TextCache.MAX_LENGTH];
    private int lastTextLength = -1;
    private String lastText;
    private long[] longs = new long[16];

    /**
     * Starts on a frame given as its UTF-8 bytes, read in place for a heap buffer and copied once otherwise; neither
     * the buffer's indexes nor its reference count change. The bytes are read until {@link #release()}.
     *
     * @return false when the frame is too long to be read here
     */
    public boolean on(ByteBuf frame) {
        int length = frame.readableBytes();
        if (frame.hasArray()) {
            input = frame.array(); // read directly: ByteBuf.getByte checks access on every call
            at = frame.arrayOffset() + frame.readerIndex();
        } else {
            if (length > MAX_FRAME) {
                return false;
            }
            frame.getBytes(frame.readerIndex(), buffer(length), 0, length);
            input = copy;
            at = 0;
        }
        end = at + length;
        return true;
    }

    /** Starts on a frame given as text, copied once; false when it is not ASCII or too long to be read here. */
    public boolean on(CharSequence frame) {
        int length = frame.length();
        if (length > MAX_FRAME) {
            return false;
        }
        byte[] out = buffer(length);
        for (int i = 0; i < length; i++) {
            char ch = frame.charAt(i);
            if (ch >= 0x80) {
                return false;
            }
            out[i] = (byte) ch;
        }
        input = out;
        at = 0;
        end = length;
        return true;
    }

    /** Lets go of the frame's bytes. */
    public void release() {
        input = null;
    }

    /** Whether the next token is {@code ch} (a bracket, a comma), consumed if so. */
    public boolean token(char ch) {
        skipSpace();
        if (at < end && input[at] == ch) {
            at++;
            return true;
        }
        return false;
    }

    /** Whether nothing but whitespace is left. */
    public boolean atEnd() {
        skipSpace();
        return at == end;
    }

    /** Whether the next value is {@code null}, consumed if so. */
    public boolean nullValue() {
        skipSpace();
        if (end - at >= 4 && input[at] == 'n' && input[at + 1] == 'u' && input[at + 2] == 'l' && input[at + 3] == 'l') {
            at += 4;
            return true;
        }
        return false;
    }

    /** Whether the next value is the string {@code expected} spelled plainly, consumed if so (else nothing is). */
    public boolean stringIs(String expected) {
        skipSpace();
        int length = expected.length();
        if (end - at < length + 2 || input[at] != '"' || input[at + length + 1] != '"') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (input[at + 1 + i] != expected.charAt(i)) {
                return false;
            }
        }
        at += length + 2;
        return true;
    }

    /**
     * The next value, a plain string of at most {@value TextCache#MAX_LENGTH} characters, from the cache
     * {@link JsonValues#text} reads strings from; {@code null} when it is anything else. The text read last is
     * remembered with its bytes: on a stream the same symbol comes frame after frame, and comparing its bytes costs
     * less than copying and hashing them for the cache.
     */
    public String text() {
        skipSpace();
        if (at >= end || input[at] != '"') {
            return null;
        }
        int from = at + 1;
        int limit = Math.min(end, from + TextCache.MAX_LENGTH);
        for (int i = from; i < limit; i++) {
            byte b = input[i];
            if (b == '"') {
                at = i + 1;
                return text(from, i - from);
            }
            if (b < 0x20 || b == '\\') { // control characters and escapes, and (negative) non-ASCII bytes
                return null;
            }
        }
        return null;
    }

    private String text(int from, int length) {
        if (length == lastTextLength && sameAsLastText(from, length)) {
            return lastText;
        }
        for (int k = 0; k < length; k++) {
            chars[k] = (char) input[from + k];
        }
        System.arraycopy(input, from, lastTextBytes, 0, length);
        lastTextLength = length;
        lastText = JsonValues.cachedText(chars, 0, length);
        return lastText;
    }

    /** A loop: for a few bytes, {@code Arrays.equals} costs more to set up than it saves. */
    private boolean sameAsLastText(int from, int length) {
        for (int k = 0; k < length; k++) {
            if (input[from + k] != lastTextBytes[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The next value, a number as a plain JSON number or numeric string, packed as {@link JsonValues#packedDecimal}
     * packs it; {@link PackedDecimal#NONE} when it is spelled otherwise or does not pack.
     */
    public long number() {
        skipSpace();
        int start = at;
        boolean quoted = at < end && input[at] == '"';
        int from = quoted ? at + 1 : at;
        boolean negative = from < end && input[from] == '-';
        int first = negative ? from + 1 : from;
        int limit = Math.min(end, start + MAX_NUMBER_CHARS);
        long unscaled = 0;
        int point = -1; // where the point is, once read
        int i = first;
        for (; i < limit; i++) {
            int digit = input[i] - '0';
            if (digit >= 0 && digit <= 9) {
                unscaled = unscaled * 10 + digit;
                if (unscaled >= PackedDecimal.UNSCALED_LIMIT) {
                    return PackedDecimal.NONE;
                }
            } else if (input[i] == '.' && point < 0 && i > first) {
                point = i;
            } else {
                break;
            }
        }
        int wholeDigits = (point < 0 ? i : point) - first;
        int scale = point < 0 ? -1 : i - point - 1; // -1: no point
        if (quoted) {
            if (i >= limit || input[i] != '"') {
                return PackedDecimal.NONE;
            }
            i++;
        } else if (i >= limit || wholeDigits > 1 && input[first] == '0' || input[i] == 'e' || input[i] == 'E'
                || input[i] == '.') {
            return PackedDecimal.NONE; // too long (or the frame ends), a leading zero, an exponent, a second point
        }
        long packed = PackedDecimal.ofDigits(negative, unscaled, wholeDigits, scale, !quoted);
        if (packed != PackedDecimal.NONE) {
            at = i;
        }
        return packed;
    }

    /** The next value, a JSON integer of at most 18 digits without sign; -1 when it is anything else. */
    public long wholeNumber() {
        return digits(MAX_WHOLE_DIGITS);
    }

    /**
     * The next value, whole unix seconds as a JSON integer, as {@link JsonValues#epochSeconds} reads them (the time
     * read last reused); {@code null} when it is anything else.
     */
    public Instant epochSeconds() {
        long seconds = digits(MAX_SECONDS_DIGITS);
        return seconds < 0 ? null : JsonValues.instant(seconds, 0);
    }

    /** A JSON integer of 1 to {@code most} digits, no sign, no leading zero, followed by no fraction or exponent. */
    private long digits(int most) {
        skipSpace();
        int from = at;
        int limit = Math.min(end, from + most + 1);
        long value = 0;
        int i = from;
        for (; i < limit; i++) {
            int digit = input[i] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit;
        }
        int count = i - from;
        if (count == 0 || count > most || count > 1 && input[from] == '0' || i == end
                || input[i] == '.' || input[i] == 'e' || input[i] == 'E') {
            return -1;
        }
        at = i;
        return value;
    }

    /** This cursor's scratch array, with room for at least {@code length} longs; what it held is kept. */
    public long[] longs(int length) {
        if (longs.length < length) {
            longs = Arrays.copyOf(longs, Math.max(length, 2 * longs.length));
        }
        return longs;
    }

    private void skipSpace() {
        int i = at;
        while (i < end) {
            byte b = input[i];
            if (b > ' ' || b != ' ' && b != '\n' && b != '\r' && b != '\t') { // the first test settles most bytes
                break;
            }
            i++;
        }
        at = i;
    }

    private byte[] buffer(int length) {
        if (copy.length < length) {
            copy = new byte[Math.max(length, 2 * copy.length)];
        }
        return copy;
    }
}
