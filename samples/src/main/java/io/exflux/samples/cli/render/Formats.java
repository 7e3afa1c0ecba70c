package io.exflux.samples.cli.render;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How numbers and times look in the CLI's output: plain decimals, UTC times. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** A decimal without exponent; {@code -} for none. */
    public static String plain(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }

    /** {@code HH:mm:ss.SSS} in UTC. */
    public static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    /** {@code 1m} for {@code M1}, {@code 1h} for {@code H1}, {@code 1w} for {@code W1}. */
    public static String intervalLabel(io.exflux.api.model.CandleInterval interval) {
        String name = interval.name();
        return name.substring(1) + name.substring(0, 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code text} right-aligned in {@code width} columns. */
    public static String right(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    /** {@code text} left-aligned in {@code width} columns. */
    public static String left(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
