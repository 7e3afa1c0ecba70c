package io.exflux.reactive.internal.book;

import io.exflux.api.error.ProtocolException;
import java.math.BigDecimal;

/**
 * Exact conversion between {@code BigDecimal} and a {@code long} counted in units of
 * {@code 10^-scale}. Never rounds: a value with more significant decimals than the scale, or one that
 * does not fit a {@code long}, is a {@link ProtocolException}.
 */
public final class ScaledDecimals {

    /** What {@link #exactlyScaled} gives for a value it cannot scale exactly. */
    public static final long NOT_EXACT = Long.MIN_VALUE;
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private ScaledDecimals() {
    }

    /**
     * {@code value * 10^scale} as a {@code long}, exactly.
     *
     * @param what names the value in the error message, for example {@code "price"}
     * @throws ProtocolException when the value has more decimals than {@code scale} (trailing zeros do
     *                           not count) or does not fit a {@code long}
     */
    public static long toScaled(BigDecimal value, int scale, String what) {
        int valueScale = value.scale();
        try {
            if (valueScale >= 0 && valueScale <= scale) {
                // the usual case: the unscaled value read without a BigInteger, then widened. (A route
                // through doubleValue() would avoid this small allocation, but money never passes
                // through binary floating point here, however provably exact.)
                long unscaled = value.movePointRight(valueScale).longValueExact();
                return Math.multiplyExact(unscaled, POWERS_OF_TEN[scale - valueScale]);
            }
            return value.scaleByPowerOfTen(scale).longValueExact();
        } catch (ArithmeticException e) {
            throw new ProtocolException(what + " " + value.toPlainString() + " has more than " + scale
                    + " decimals or does not fit a 64-bit scaled value; it is not rounded");
        }
    }

    /**
     * {@code unscaled * 10^-valueScale} as a {@code long} counted in units of {@code 10^-scale}, exactly: the way a
     * decimal held as unscaled value and scale (a packed one) reaches the book without a {@code BigDecimal}.
     *
     * @param what names the value in the error message, for example {@code "price"}
     * @throws ProtocolException as {@link #toScaled(BigDecimal, int, String)}
     */
    public static long toScaled(long unscaled, int valueScale, int scale, String what) {
        long value = exactlyScaled(unscaled, valueScale, scale);
        if (value != NOT_EXACT || unscaled == NOT_EXACT && valueScale == scale) {
            return value;
        }
        return toScaled(BigDecimal.valueOf(unscaled, valueScale), scale, what); // throws, with the value's text
    }

    /**
     * {@link #toScaled(long, int, int, String)} without the error: {@link #NOT_EXACT} when the value has more decimals
     * than {@code scale} or does not fit a {@code long}, for a decoder that then leaves the value to a slower reader.
     * {@code NOT_EXACT} is never the result for any other value than itself unscaled at the same scale.
     */
    public static long exactlyScaled(long unscaled, int valueScale, int scale) {
        int shift = scale - valueScale;
        if (shift >= 0) {
            if (shift < POWERS_OF_TEN.length) {
                long high = Math.multiplyHigh(unscaled, POWERS_OF_TEN[shift]);
                long value = unscaled * POWERS_OF_TEN[shift];
                if (high == value >> 63) {
                    return value;
                }
            } else if (unscaled == 0) {
                return 0;
            }
        } else if (-shift < POWERS_OF_TEN.length && unscaled % POWERS_OF_TEN[-shift] == 0) {
            return unscaled / POWERS_OF_TEN[-shift];
        } else if (unscaled == 0) {
            return 0;
        }
        return NOT_EXACT;
    }

    /**
     * Reads decimal text (as venues send it, for example {@code "59252.5"} or {@code "-0.00100"})
     * straight into a scaled {@code long}, without a {@code BigDecimal}: the way a venue decoder feeds
     * {@link ScaledBookUpdate}. Text with an exponent goes through {@code BigDecimal}, still exactly.
     *
     * @param what names the value in the error message, for example {@code "price"}
     * @throws ProtocolException when the text is not a decimal number, has more significant decimals than
     *                           {@code scale}, or does not fit a {@code long}
     */
    public static long parse(CharSequence text, int scale, String what) {
        // the usual text, [-]digits[.digits] with at most the scale's decimals and 18 digits once scaled,
        // in one small loop (small enough to be inlined into a decoder); anything else is read with every check
        int length = text.length();
        int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        int point = -1;
        long value = 0;
        for (int index = start; index < length; index++) {
            char ch = text.charAt(index);
            int digit = ch - '0';
            if (digit >= 0 && digit <= 9) {
                value = value * 10 + digit;
            } else if (ch == '.' && point < 0) {
                point = index;
            } else {
                return parseChecked(text, scale, what);
            }
        }
        int decimals = point < 0 ? 0 : length - 1 - point;
        int digits = length - start - (point < 0 ? 0 : 1);
        if (digits == 0 || point == start || decimals > scale || scale > 18 || digits + scale - decimals > 18) {
            return parseChecked(text, scale, what);
        }
        value *= POWERS_OF_TEN[scale - decimals]; // at most 18 digits: no overflow
        return start == 0 ? value : -value;
    }

    /** {@link #parse} for any text: exponents, long numbers and malformed text, with every check. */
    private static long parseChecked(CharSequence text, int scale, String what) {
        int length = text.length();
        int index = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            index = 1;
        }
        long value = 0;
        int decimals = -1; // -1: before the decimal point
        boolean sawDigit = false;
        int digits = 0;
        try {
            for (; index < length; index++) {
                char ch = text.charAt(index);
                if (ch >= '0' && ch <= '9') {
                    sawDigit = true;
                    if (decimals >= 0) {
                        if (decimals == scale) {
                            if (ch != '0') {
                                throw tooPrecise(what, text, scale);
                            }
                            continue; // a trailing zero beyond the scale changes nothing
                        }
                        decimals++;
                    }
                    // 18 digits always fit a long; only longer numbers need the checked arithmetic
                    value = ++digits <= 18 ? value * 10 + (ch - '0')
                            : Math.addExact(Math.multiplyExact(value, 10L), ch - '0');
                } else if (ch == '.' && decimals < 0) {
                    decimals = 0;
                } else if (ch == 'e' || ch == 'E') {
                    return toScaled(new BigDecimal(text.toString()), scale, what);
                } else {
                    throw notANumber(what, text);
                }
            }
            if (!sawDigit) {
                throw notANumber(what, text);
            }
            value = Math.multiplyExact(value, POWERS_OF_TEN[scale - Math.max(decimals, 0)]);
        } catch (ArithmeticException e) {
            throw tooPrecise(what, text, scale);
        } catch (NumberFormatException e) {
            throw notANumber(what, text);
        }
        return negative ? -value : value;
    }

    private static ProtocolException tooPrecise(String what, CharSequence text, int scale) {
        return new ProtocolException(what + " " + text + " has more than " + scale
                + " decimals or does not fit a 64-bit scaled value; it is not rounded");
    }

    private static ProtocolException notANumber(String what, CharSequence text) {
        String shown = text.length() > 40 ? text.subSequence(0, 40) + "..." : text.toString();
        return new ProtocolException(what + " is not a decimal number: '" + shown + "'");
    }

    /** The decimal that {@code scaled} stands for, with exactly {@code scale} decimals. */
    public static BigDecimal fromScaled(long scaled, int scale) {
        return BigDecimal.valueOf(scaled, scale);
    }
}
