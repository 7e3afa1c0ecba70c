package io.exflux.testkit.server;

import java.math.BigDecimal;
import java.time.Instant;

/** Numbers as venues' JSON carries them: plain decimals without trailing zeros, and fractional unix seconds. */
public final class WireNumbers {

    private WireNumbers() {
    }

    /** A decimal without trailing zeros and never with a negative scale ({@code 100}, not {@code 1E+2}). */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Unix seconds with microseconds as a fraction, e.g. {@code 1630862400.123456}. */
    public static BigDecimal unixSeconds(Instant time) {
        return plain(BigDecimal.valueOf(time.getEpochSecond()).add(BigDecimal.valueOf(time.getNano() / 1000, 6)));
    }
}
