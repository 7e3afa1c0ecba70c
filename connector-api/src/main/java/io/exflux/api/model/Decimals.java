package io.exflux.api.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/** Checks shared by the value records. Package-private: records validate with it in compact constructors. */
final class Decimals {

    private Decimals() {
    }

    static BigDecimal positive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + show(value));
        }
        return value;
    }

    static BigDecimal nonNegative(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + show(value));
        }
        return value;
    }

    static BigDecimal nonNegativeOrNull(BigDecimal value, String name) {
        return value == null ? null : nonNegative(value, name);
    }

    /** Most digits a message prints in full; a larger number is shown in scientific notation. */
    private static final int SHOWN_DIGITS = 40;

    /**
     * A number as a message shows it: plain where that is short, else rounded to 12 significant digits in
     * scientific notation. A caller's {@code 1e-999999999} never becomes a gigabyte of zeros in a message.
     */
    static String show(BigDecimal value) {
        long integerDigits = (long) value.precision() - value.scale();
        if (value.precision() <= SHOWN_DIGITS && value.scale() <= SHOWN_DIGITS && integerDigits <= SHOWN_DIGITS) {
            return value.toPlainString();
        }
        return value.round(new MathContext(12)).toString();
    }
}
