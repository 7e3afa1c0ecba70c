package io.exflux.reactive.venue.btse.internal;

import io.exflux.api.error.ProtocolException;
import io.exflux.reactive.internal.codec.BoundedDecimals;
import java.math.BigDecimal;

/**
 * Reads decimal text ({@code "59252.5"}, {@code 0.007}) into its unscaled digits and its scale without a
 * {@code BigDecimal}: the hot-path decoders keep numbers exactly as sent and scale them only where a book
 * needs it. Text with an exponent or more than 18 digits goes through {@code BigDecimal}, still exactly and
 * bounded. One instance per thread: it holds the result of the last read.
 */
final class DecimalDigits {

    private static final int MAX_FAST_DIGITS = 18;

    /** The unscaled digits of the last value read. */
    long unscaled;
    /** The scale of the last value read, 0..127. */
    int scale;
    /** The last value read when its digits do not fit a {@code long} ({@link #unscaled} is then meaningless), else null. */
    BigDecimal big;

    /**
     * Reads {@code length} characters of {@code text} from {@code offset}.
     *
     * @param what names the value in the error message
     * @throws ProtocolException when the text is not a decimal number (or beyond {@code BoundedDecimals})
     */
    void read(char[] text, int offset, int length, String what) {
        big = null;
        int end = offset + length;
        int index = offset;
        boolean negative = false;
        if (index < end && (text[index] == '-' || text[index] == '+')) {
            negative = text[index] == '-';
            index++;
        }
        long value = 0;
        int digits = 0;
        int decimals = -1;
        for (; index < end; index++) {
            char ch = text[index];
            if (ch >= '0' && ch <= '9') {
                if (digits == 0 && ch == '0' && decimals < 0) {
                    continue; // leading zeros count for nothing
                }
                if (++digits > MAX_FAST_DIGITS) {
                    readSlowly(text, offset, length, what);
                    return;
                }
                value = value * 10 + (ch - '0');
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (ch == '.' && decimals < 0) {
                decimals = 0;
            } else {
                readSlowly(text, offset, length, what);
                return;
            }
        }
        if (length == 0 || (digits == 0 && !hasZeroDigit(text, offset, end))) {
            throw notANumber(text, offset, length, what);
        }
        if (decimals < 0) {
            decimals = 0;
        } else if (digits == 0) {
            decimals = 0; // "0.000" is zero
        }
        if (decimals > Byte.MAX_VALUE) {
            throw notANumber(text, offset, length, what);
        }
        unscaled = negative ? -value : value;
        scale = decimals;
    }

    /** Reads a JSON string or number token's text, as Jackson hands it out. */
    void read(String text, String what) {
        read(text.toCharArray(), 0, text.length(), what);
    }

    private static boolean hasZeroDigit(char[] text, int from, int end) {
        for (int i = from; i < end; i++) {
            if (text[i] == '0') {
                return true;
            }
        }
        return false;
    }

    private void readSlowly(char[] text, int offset, int length, String what) {
        BigDecimal value;
        try {
            value = BoundedDecimals.parse(new String(text, offset, length).trim());
        } catch (RuntimeException e) {
            throw notANumber(text, offset, length, what);
        }
        if (value.scale() < 0) {
            value = value.setScale(0);
        } else if (value.scale() > Byte.MAX_VALUE || value.precision() > MAX_FAST_DIGITS) {
            value = value.stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
        }
        if (value.scale() > Byte.MAX_VALUE || value.unscaledValue().bitLength() > 63) {
            big = value;
            return;
        }
        unscaled = value.unscaledValue().longValue();
        scale = value.scale();
    }

    /** The last value read as a {@code BigDecimal}. */
    BigDecimal decimal() {
        return big != null ? big : BigDecimal.valueOf(unscaled, scale);
    }

    /**
     * Fails when the last value read does not fit the packed form (18 digits or so and a scale up to 127): a book
     * kept on scaled {@code long}s could not hold it exactly either.
     */
    void requirePacked(String what) {
        if (big != null) {
            throw new ProtocolException(what + " " + big.toPlainString() + " has more digits than a book keeps exactly");
        }
    }

    private static ProtocolException notANumber(char[] text, int offset, int length, String what) {
        return new ProtocolException(what + " is not a decimal number: '" + shown(text, offset, length) + "'");
    }

    private static String shown(char[] text, int offset, int length) {
        return length > 40 ? new String(text, offset, 40) + "..." : new String(text, offset, length);
    }
}
