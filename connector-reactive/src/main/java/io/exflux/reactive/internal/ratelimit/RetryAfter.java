package io.exflux.reactive.internal.ratelimit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} header in the three forms venues use: delta seconds ({@code "2"}, also
 * {@code "1.5"}), an HTTP-date ({@code "Wed, 21 Oct 2026 07:28:00 GMT"}), or an absolute epoch timestamp in
 * milliseconds (BTSE documents "the unlocked timestamp"). A number too large to be a sensible delay (ten years or
 * more) is an epoch timestamp: milliseconds from 10^11 on, seconds below. Whatever the venue says, the wait is at
 * most {@link #MAX}: a header of centuries (or of more digits than a {@code long} holds) is read as that.
 */
public final class RetryAfter {

    private static final long EPOCH_SECONDS_FROM = 315_360_000L; // ten years of seconds
    private static final long EPOCH_MILLIS_FROM = 100_000_000_000L;

    /** The longest wait a header is read as: one day. */
    public static final Duration MAX = Duration.ofDays(1);

    private static final int MAX_DIGITS = 40;

    private RetryAfter() {
    }

    /**
     * The time to wait from now, never negative; empty when the header is missing or unreadable.
     *
     * @param header the header value, may be {@code null}
     * @param clock  the wall clock, for absolute forms
     */
    public static Optional<Duration> parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        Optional<BigDecimal> number = number(value);
        if (number.isPresent()) {
            BigDecimal n = number.get();
            if (n.signum() < 0) {
                return Optional.empty();
            }
            if (n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return Optional.of(MAX);
            }
            if (n.compareTo(BigDecimal.valueOf(EPOCH_MILLIS_FROM)) >= 0) {
                return Optional.of(until(Instant.ofEpochMilli(n.longValue()), clock));
            }
            if (n.compareTo(BigDecimal.valueOf(EPOCH_SECONDS_FROM)) >= 0) {
                return Optional.of(until(Instant.ofEpochSecond(n.longValue()), clock));
            }
            // below ten years of seconds: fits in nanoseconds
            return Optional.of(capped(Duration.ofNanos(n.movePointRight(9).longValue())));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(until(at, clock));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> number(String value) {
        if (value.length() > MAX_DIGITS) {
            // no sensible wait takes this many characters; a number this long is read as the longest wait
            return value.chars().allMatch(c -> c >= '0' && c <= '9') ? Optional.of(BigDecimal.valueOf(Long.MAX_VALUE)
                    .add(BigDecimal.ONE)) : Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && !(i == 0 && c == '-')) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new BigDecimal(value));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Duration until(Instant at, Clock clock) {
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : capped(wait);
    }

    private static Duration capped(Duration wait) {
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
