package io.exflux.reactive.internal.codec;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A decimal of up to 17 digits and 0 to 63 decimals held in one {@code long}: the unscaled value in the high 58
 * bits, the scale in the low 6. The way a decoded venue record keeps its prices and amounts without a
 * {@code BigDecimal} per value (40 bytes each), making the {@code BigDecimal} only when it is asked for. The same
 * decimal, scale included, always packs to the same {@code long}, so packed values compare with {@code ==}; a value
 * that does not pack (more digits, a negative scale) is {@link #NONE} and its holder keeps the {@code BigDecimal}.
 */
public final class PackedDecimal {

    /** What {@link #of} gives for a value that does not pack. Never a packed value (its unscaled part is -2^57). */
    public static final long NONE = Long.MIN_VALUE;
    /** Most digits of the unscaled value, so that it fits the 58 bits with room to spare. */
    public static final int MAX_DIGITS = 17;
    static final long UNSCALED_LIMIT = 100_000_000_000_000_000L; // 10^17, exclusive
    private static final int SCALE_BITS = 6;
    private static final int MAX_SCALE = (1 << SCALE_BITS) - 1;
    private static final BigInteger BIG_LIMIT = BigInteger.valueOf(UNSCALED_LIMIT);

    private PackedDecimal() {
    }

    /** {@code unscaled * 10^-scale} packed, or {@link #NONE} when it does not fit. */
    public static long pack(long unscaled, int scale) {
        if (scale < 0 || scale > MAX_SCALE || unscaled >= UNSCALED_LIMIT || unscaled <= -UNSCALED_LIMIT) {
            return NONE;
        }
        return unscaled << SCALE_BITS | scale;
    }

    /** The value packed, or {@link #NONE} when it does not fit (its holder keeps the {@code BigDecimal}). */
    public static long of(BigDecimal value) {
        int scale = value.scale();
        if (scale < 0 || scale > MAX_SCALE || value.precision() > MAX_DIGITS) {
            return NONE;
        }
        BigInteger unscaled = value.unscaledValue();
        return unscaled.abs().compareTo(BIG_LIMIT) < 0 ? pack(unscaled.longValue(), scale) : NONE;
    }

    /** The packed value as a {@code BigDecimal}, scale included. */
    public static BigDecimal toBigDecimal(long packed) {
        return BigDecimal.valueOf(unscaled(packed), scale(packed));
    }

    /** The value, from its packed form or, when that is {@link #NONE}, the {@code BigDecimal} kept beside it. */
    public static BigDecimal toBigDecimal(long packed, BigDecimal wide) {
        return packed == NONE ? wide : toBigDecimal(packed);
    }

    public static long unscaled(long packed) {
        return packed >> SCALE_BITS;
    }

    public static int scale(long packed) {
        return (int) (packed & MAX_SCALE);
    }

    /**
     * Number text as {@link JsonValues#decimal} reads it, packed without a {@code BigDecimal}: {@code [-]digits[.digits]}
     * with at most {@value #MAX_DIGITS} digits once leading zeros are dropped. A JSON number with a fraction loses its
     * trailing zeros, as there.
     *
     * @param jsonNumber whether the text is a JSON number (not a string)
     * @return the packed value, or {@link #NONE} for any other text (the caller reads it the slow way, which
     *         also says what is wrong with it)
     */
    static long parse(char[] chars, int offset, int length, boolean jsonNumber) {
        int end = offset + length;
        int at = offset;
        boolean negative = at < end && chars[at] == '-';
        if (negative) {
            at++;
        }
        long unscaled = 0;
        int wholeDigits = 0;
        int scale = -1; // -1: before the point
        for (; at < end; at++) {
            char ch = chars[at];
            if (ch >= '0' && ch <= '9') {
                unscaled = unscaled * 10 + (ch - '0');
                if (unscaled >= UNSCALED_LIMIT) {
                    return NONE;
                }
                if (scale < 0) {
                    wholeDigits++;
                } else {
                    scale++;
                }
            } else if (ch == '.' && scale < 0 && wholeDigits > 0) {
                scale = 0;
            } else {
                return NONE;
            }
        }
        return ofDigits(negative, unscaled, wholeDigits, scale, jsonNumber);
    }

    /**
     * The end of reading number text {@code [-]digits[.digits]} whose digits were gathered by the caller: the
     * rules of {@link #parse} for what was read.
     *
     * @param unscaled    the digits read, as a value below {@link #UNSCALED_LIMIT}
     * @param wholeDigits how many digits came before the point
     * @param scale       how many came after it, or -1 when there was no point
     * @return the packed value, or {@link #NONE} for text the slow way reads differently or refuses
     */
    static long ofDigits(boolean negative, long unscaled, int wholeDigits, int scale, boolean jsonNumber) {
        if (wholeDigits == 0 || scale == 0 || scale > BoundedDecimals.MAX_DIGITS) {
            return NONE; // no digits, "5." (refused or read differently the slow way), too many decimals
        }
        if (scale < 0) {
            scale = 0;
        } else if (jsonNumber && unscaled % 10 == 0) {
            // a JSON number with a fraction ending in zero: stripTrailingZeros, as readTree's reading gives it
            while (scale > 0 && unscaled % 10 == 0) {
                unscaled /= 10;
                scale--;
            }
            if (scale == 0 && unscaled != 0 && unscaled % 10 == 0) {
                return NONE; // "100.0" strips to 1E+2: a negative scale
            }
        }
        return pack(negative ? -unscaled : unscaled, scale);
    }
}
