package io.exflux.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/** Checks shared by the value records. Package-private: records validate with it in compact constructors. */
final class Decimals {

    private Decimals() {
    }

    static BigDecimal positive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value.toPlainString());
        }
        return value;
    }

    static BigDecimal nonNegative(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value.toPlainString());
        }
        return value;
    }

    static BigDecimal nonNegativeOrNull(BigDecimal value, String name) {
        return value == null ? null : nonNegative(value, name);
    }
}
