package io.exflux.reactive.venue.alp.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The time units ALP uses, in one place. Every conversion from a venue number to a time goes through
 * here, so that the unit of each field is stated once and tested.
 */
public final class AlpTimes {

    /**
     * Welcome ping values at or above this are nanoseconds, below it milliseconds. The document's
     * example says 30000000000 (30 s in ns); the live venue sends 20000 (20 s in ms). Ten million is 2.8
     * hours in ms (no sane ping interval) and 10 ms in ns (no sane ping interval either).
     */
    public static final long NANOS_THRESHOLD = 10_000_000L;

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private AlpTimes() {
    }

    /** Unix seconds, possibly with a fraction (ALP sends microseconds), read exactly. */
    public static Instant epochSeconds(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    /** A time field given as text: unix seconds (integer or fraction) or ISO-8601 with an offset. */
    public static Instant parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty time");
        }
        char first = trimmed.charAt(0);
        if (Character.isDigit(first) && !trimmed.contains("-") && !trimmed.contains(":")) {
            try {
                return epochSeconds(new BigDecimal(trimmed));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a time: " + trimmed, e);
            }
        }
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // ISO-8601 without an offset: ALP's times are UTC
                return java.time.LocalDateTime.parse(trimmed).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("not a time: " + trimmed, again);
            }
        }
    }

    /** A welcome ping value: milliseconds or nanoseconds, decided by magnitude (see {@link #NANOS_THRESHOLD}). */
    public static Duration pingValue(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative ping value " + value);
        }
        return value >= NANOS_THRESHOLD ? Duration.ofNanos(value) : Duration.ofMillis(value);
    }
}
