package io.exflux.reactive.internal.codec;

import java.math.BigDecimal;

/**
 * The edge check for numbers from the wire. A decimal with an absurd exponent is cheap to parse and
 * ruinous to use: {@code 1e99999999} turned into a {@code long} or an {@code Instant} materialises a
 * hundred-million-digit integer (minutes on an event loop), and {@code 1e-999999999} printed as plain
 * text is a gigabyte. No price, amount or time of any venue needs more than {@link #MAX_DIGITS} digits on
 * either side of the point, so anything beyond is refused here, in constant time, before it is used.
 */
public final class BoundedDecimals {

    /** Most digits before the point, and most digits after it, of a number we accept. */
    public static final int MAX_DIGITS = 40;
    /** Longest number text we parse (digits, sign, point, exponent); longer text is refused unread. */
    public static final int MAX_TEXT_LENGTH = 100;

    private BoundedDecimals() {
    }

    /** Whether the value has at most {@link #MAX_DIGITS} digits before and after the point. */
    public static boolean fits(BigDecimal value) {
        int scale = value.scale();
        if (scale > MAX_DIGITS || scale < -MAX_DIGITS) {
            return false;
        }
        return value.precision() - scale <= MAX_DIGITS;
    }

    /**
     * Why a value to be sent cannot be (it has more than {@link #MAX_DIGITS} digits before or after the point, and
     * written out as plain text {@code 1E+999999999} is a gigabyte), or {@code null} when it fits or is absent. The
     * sentence names the field and describes the value without expanding it.
     */
    public static String tooManyDigits(String name, BigDecimal value) {
        if (value == null || fits(value)) {
            return null;
        }
        return name + " " + describe(value) + " has more than " + MAX_DIGITS + " digits before or after the point";
    }

    /**
     * The value, or an {@link IllegalArgumentException} that describes it without expanding it (the message
     * shows at most its first characters and its exponent).
     */
    public static BigDecimal check(BigDecimal value) {
        if (!fits(value)) {
            throw new IllegalArgumentException("number out of range: " + describe(value));
        }
        return value;
    }

    /**
     * Parses number text of a venue (a JSON number's text, or a number sent as a string), refusing text
     * longer than {@link #MAX_TEXT_LENGTH} before reading it and values that do not {@link #fits fit}.
     *
     * @throws IllegalArgumentException (a {@link NumberFormatException} for text that is not a number)
     */
    public static BigDecimal parse(CharSequence text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new NumberFormatException("number text of " + text.length() + " characters (at most "
                    + MAX_TEXT_LENGTH + ")");
        }
        return check(new BigDecimal(text.toString().trim()));
    }

    /**
     * A short description of any decimal, safe for a log line or an error message however large its exponent:
     * the unscaled digits (cut after 20) and the power of ten.
     */
    public static String describe(BigDecimal value) {
        String digits = value.unscaledValue().abs().toString();
        if (digits.length() > 20) {
            digits = digits.substring(0, 20) + "... (" + digits.length() + " digits)";
        }
        return (value.signum() < 0 ? "-" : "") + digits + "E" + (-(long) value.scale());
    }
}
