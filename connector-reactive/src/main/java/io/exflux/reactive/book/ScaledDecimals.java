package io.exflux.reactive.book;

import io.exflux.api.error.ProtocolException;
import java.math.BigDecimal;

/**
 * Exact conversion between {@code BigDecimal} and a {@code long} counted in units of
 * {@code 10^-scale}. Never rounds: a value with more significant decimals than the scale, or one that
 * does not fit a {@code long}, is a {@link ProtocolException}.
 */
public final class ScaledDecimals {

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
                // fast path, the usual case: the unscaled value read without a BigInteger, then widened
                long unscaled = value.movePointRight(valueScale).longValueExact();
                return Math.multiplyExact(unscaled, POWERS_OF_TEN[scale - valueScale]);
            }
            return value.scaleByPowerOfTen(scale).longValueExact();
        } catch (ArithmeticException e) {
            throw new ProtocolException(what + " " + value.toPlainString() + " has more than " + scale
                    + " decimals or does not fit a 64-bit scaled value; it is not rounded");
        }
    }

    /** The decimal that {@code scaled} stands for, with exactly {@code scale} decimals. */
    public static BigDecimal fromScaled(long scaled, int scale) {
        return BigDecimal.valueOf(scaled, scale);
    }
}
