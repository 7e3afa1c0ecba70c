package io.exflux.reactive.internal.codec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The time units venues send, each conversion stated once: unix seconds (whole or with a fraction),
 * milliseconds, nanoseconds, ISO-8601 text, and durations whose unit is told by their magnitude.
 * Numbers are read exactly, never through {@code double}. Bad input is an {@link IllegalArgumentException}.
 */
public final class VenueTimes {

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private VenueTimes() {
    }

    /** Unix seconds, possibly with a fraction (microseconds, for example), read exactly. */
    public static Instant epochSeconds(BigDecimal seconds) {
        BoundedDecimals.check(seconds); // setScale on 1e99999999 would build a hundred-million-digit number
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    /** Unix milliseconds. */
    public static Instant epochMillis(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    /** Unix nanoseconds. */
    public static Instant epochNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /**
     * A time given as text: unix seconds (whole or with a fraction), or ISO-8601 with an offset, or
     * ISO-8601 without one (read as UTC).
     */
    public static Instant parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty time");
        }
        if (Character.isDigit(trimmed.charAt(0)) && trimmed.indexOf('-') < 0 && trimmed.indexOf(':') < 0) {
            try {
                return epochSeconds(BoundedDecimals.parse(trimmed));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("not a time: " + ShortText.of(trimmed), e);
            }
        }
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("not a time: " + ShortText.of(trimmed), again);
            }
        }
    }

    /**
     * A duration whose unit the venue does not fix: values at or above {@code nanosFrom} are nanoseconds,
     * smaller ones milliseconds. Pick a threshold that no sane value of either unit crosses.
     */
    public static Duration durationByMagnitude(long value, long nanosFrom) {
        if (value < 0) {
            throw new IllegalArgumentException("negative duration " + value);
        }
        return value >= nanosFrom ? Duration.ofNanos(value) : Duration.ofMillis(value);
    }
}
