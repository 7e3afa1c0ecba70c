package io.exflux.reactive.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@link LenientJson}'s rules for a streaming parser standing on a value: numbers as JSON numbers or strings,
 * read from their text (never through {@code double}) and bounded by {@link BoundedDecimals}; times in unix
 * seconds or ISO-8601 text. The values equal what {@code readTree} and {@link LenientJson} give for the same
 * text, JSON numbers with a fraction included (their trailing zeros are dropped there, so here too).
 * Recent texts (pairs, sides) and the last time are reused instead of built again: on a stream they repeat.
 * A value that does not fit is an {@link IllegalArgumentException}, as with {@link LenientJson}.
 */
public final class JsonValues {

    private static final TextCache TEXTS = new TextCache();
    /** The last time read; shared racily, which is safe: an {@code Instant} is immutable. */
    private static Instant lastTime = Instant.EPOCH;
    private static final int MAX_FAST_DECIMALS = 9;
    private static final long[] NANOS_SCALE = {1, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
        10, 1};
    /** What {@link #plainEpochNanos} gives for a time not in the plain form. */
    public static final long NOT_PLAIN = Long.MIN_VALUE;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** The last second whose nanoseconds fit a {@code long} (2262-04-11). */
    private static final long MAX_PLAIN_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND - 1;
    private static final int MAX_PLAIN_WHOLE_DIGITS = 10;
    private static final int MAX_PLAIN_LENGTH = MAX_PLAIN_WHOLE_DIGITS + 1 + MAX_FAST_DECIMALS;

    private JsonValues() {
    }

    /**
     * The next token, which must start a value of a container: the container's end, or the frame's, is an
     * {@code IllegalArgumentException} naming {@code what} was expected.
     */
    public static JsonToken nextValue(JsonParser parser, String what) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (token == JsonToken.NOT_AVAILABLE) {
            throw new IllegalArgumentException("the frame ends before " + what);
        }
        return token;
    }

    /** Whether the current token is a string equal to {@code expected}, compared without building it. */
    public static boolean textIs(JsonParser parser, String expected) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getTextLength() != expected.length()) {
            return false;
        }
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        for (int i = 0; i < expected.length(); i++) {
            if (chars[offset + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text of a scalar, as {@code JsonNode.asText()} gives it for strings, booleans, {@code null} and
     * integers; a string of up to {@value TextCache#MAX_LENGTH} characters is the one read last time if equal.
     *
     * @throws IllegalArgumentException for an array or an object
     */
    public static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return TEXTS.get(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        }
        if (token == null || !token.isScalarValue()) {
            throw new IllegalArgumentException("expected text, got " + token);
        }
        return token == JsonToken.VALUE_NUMBER_FLOAT ? decimal(parser).toString() : parser.getText();
    }

    /** A JSON number or numeric string, exactly (see {@link LenientJson#decimal}). */
    public static BigDecimal decimal(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = parser.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                return BigDecimal.valueOf(parser.getLongValue());
            }
            return BoundedDecimals.check(new BigDecimal(parser.getBigIntegerValue()));
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            char[] chars = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            int length = parser.getTextLength();
            BigDecimal value = BoundedDecimals.check(new BigDecimal(chars, offset, length));
            return endsInZeroOrExponent(chars, offset, length) ? value.stripTrailingZeros() : value;
        }
        if (token == JsonToken.VALUE_STRING) {
            return decimalText(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        }
        throw new IllegalArgumentException("not a number: " + ShortText.of(token == null ? null : parser.getText()));
    }

    /**
     * {@link #decimal} as a {@link PackedDecimal}, read from the text without a {@code BigDecimal} when it has the
     * usual form; {@link PackedDecimal#NONE} when the value does not pack (the caller then reads it with
     * {@link #decimal}, the parser still on it).
     *
     * @throws IllegalArgumentException as {@link #decimal}
     */
    public static long packedDecimal(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_FLOAT
                || token == JsonToken.VALUE_NUMBER_INT) {
            char[] chars = parser.getTextCharacters();
            int start = parser.getTextOffset();
            int length = parser.getTextLength();
            if (length <= BoundedDecimals.MAX_TEXT_LENGTH) {
                int end = start + length;
                while (start < end && chars[start] <= ' ') { // String.trim(), as decimalText does
                    start++;
                }
                while (end > start && chars[end - 1] <= ' ') {
                    end--;
                }
                long packed = PackedDecimal.parse(chars, start, end - start, token != JsonToken.VALUE_STRING);
                if (packed != PackedDecimal.NONE) {
                    return packed;
                }
            }
        }
        return PackedDecimal.of(decimal(parser));
    }

    /** {@link #decimal} or {@code null} for {@code null} and blank text. */
    public static BigDecimal optionalDecimal(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL || token == JsonToken.VALUE_STRING && isBlank(parser)) {
            return null;
        }
        return decimal(parser);
    }

    /** A whole number, as a JSON integer or numeric text; a fraction is refused. */
    public static long longValue(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = parser.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                return parser.getLongValue();
            }
        }
        try {
            return decimal(parser).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not a whole number: " + ShortText.of(parser.getText()), e);
        }
    }

    /** Unix seconds (whole or fraction, number or text) or ISO-8601 text, as {@link LenientJson#epochSeconds}. */
    public static Instant epochSeconds(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = parser.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                return instant(parser.getLongValue(), 0);
            }
            return VenueTimes.epochSeconds(decimal(parser));
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_STRING) {
            long nanos = plainNanos(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            if (nanos != NOT_PLAIN) {
                return instant(nanos / NANOS_PER_SECOND, nanos % NANOS_PER_SECOND);
            }
            return token == JsonToken.VALUE_STRING ? VenueTimes.parse(parser.getText())
                    : VenueTimes.epochSeconds(decimal(parser));
        }
        throw new IllegalArgumentException("time is neither a number nor text: " + token);
    }

    /**
     * {@link #epochSeconds} as epoch nanoseconds, without an {@code Instant}, for the usual form: unix seconds as
     * {@code digits[.digits]} (a JSON number or text) with at most nine decimals, up to the year 2262;
     * {@link #NOT_PLAIN} for any other value (the caller then reads it with {@link #epochSeconds}, the parser still
     * on it). For records that keep their time as numbers and make the {@code Instant} on access.
     */
    public static long plainEpochNanos(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                || token == JsonToken.VALUE_STRING) {
            return plainNanos(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        }
        return NOT_PLAIN;
    }

    /** {@link #epochSeconds} or {@code null} for {@code null} and blank text. */
    public static Instant optionalEpochSeconds(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL || token == JsonToken.VALUE_STRING && isBlank(parser)) {
            return null;
        }
        return epochSeconds(parser);
    }

    /** Skips the current value, whatever it is (a container with everything in it). */
    public static void skip(JsonParser parser) throws IOException {
        parser.skipChildren();
    }

    private static BigDecimal decimalText(char[] chars, int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (start < end && chars[start] <= ' ') { // String.trim(), as BoundedDecimals.parse does
            start++;
        }
        while (end > start && chars[end - 1] <= ' ') {
            end--;
        }
        try {
            if (length > BoundedDecimals.MAX_TEXT_LENGTH) {
                throw new NumberFormatException("number text of " + length + " characters (at most "
                        + BoundedDecimals.MAX_TEXT_LENGTH + ")");
            }
            return BoundedDecimals.check(new BigDecimal(chars, start, end - start));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + ShortText.of(new String(chars, offset,
                    Math.min(length, ShortText.SHOWN + 1))), e);
        }
    }

    /** Whether {@code stripTrailingZeros} could change the number: an exponent, or a last digit of zero. */
    private static boolean endsInZeroOrExponent(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (chars[i] == 'e' || chars[i] == 'E') {
                return true;
            }
        }
        return chars[offset + length - 1] == '0';
    }

    /**
     * {@code digits[.digits]} seconds with at most nine decimals, up to {@link #MAX_PLAIN_SECONDS}, as nanoseconds,
     * without a {@code BigDecimal}; else {@link #NOT_PLAIN}.
     */
    private static long plainNanos(char[] chars, int offset, int length) {
        if (length == 0 || length > MAX_PLAIN_LENGTH) {
            return NOT_PLAIN;
        }
        long seconds = 0;
        long fraction = 0;
        int decimals = -1;
        int wholeDigits = 0;
        for (int i = offset; i < offset + length; i++) {
            char ch = chars[i];
            if (ch >= '0' && ch <= '9') {
                if (decimals < 0) {
                    if (++wholeDigits > MAX_PLAIN_WHOLE_DIGITS) {
                        return NOT_PLAIN;
                    }
                    seconds = seconds * 10 + (ch - '0');
                } else {
                    if (++decimals > MAX_FAST_DECIMALS) {
                        return NOT_PLAIN;
                    }
                    fraction = fraction * 10 + (ch - '0');
                }
            } else if (ch == '.' && decimals < 0 && wholeDigits > 0) {
                decimals = 0;
            } else {
                return NOT_PLAIN;
            }
        }
        if (decimals == 0 || seconds > MAX_PLAIN_SECONDS) {
            return NOT_PLAIN; // "5." is not a number for BigDecimal either; let the full reader say so
        }
        return seconds * NANOS_PER_SECOND + (decimals < 0 ? 0 : fraction * NANOS_SCALE[decimals]);
    }

    /** A short text from the cache {@link #text} reads strings from. */
    static String cachedText(char[] chars, int offset, int length) {
        return TEXTS.get(chars, offset, length);
    }

    /** The time, the one read last when equal (on a stream it repeats). */
    static Instant instant(long seconds, long nanos) {
        Instant last = lastTime;
        if (last.getEpochSecond() == seconds && last.getNano() == nanos) {
            return last;
        }
        Instant time = Instant.ofEpochSecond(seconds, nanos);
        lastTime = time;
        return time;
    }

    private static boolean isBlank(JsonParser parser) throws IOException {
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        for (int i = offset; i < offset + parser.getTextLength(); i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }
}
