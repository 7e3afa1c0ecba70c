package io.exflux.samples.cli.command;

import io.exflux.api.model.CandleInterval;
import io.exflux.api.model.CurrencyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the values traders type: {@code 30s}, {@code BTC_USDT}, {@code 5m}, dates. */
public final class Parsing {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Parsing() {
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601 {@code PT30S}. */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Matcher m = SHORT_DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                switch (m.group(2)) {
                    case "ms":
                        return Duration.ofMillis(n);
                    case "s":
                        return Duration.ofSeconds(n);
                    case "m":
                        return Duration.ofMinutes(n);
                    case "h":
                        return Duration.ofHours(n);
                    default:
                        return Duration.ofDays(n);
                }
            }
            try {
                return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a duration (try 30s, 2m, 1h)");
            }
        }
    }

    /** {@code BTC_USDT}, {@code BTC/USDT}, {@code btc-usdt}. */
    public static final class PairConverter implements ITypeConverter<CurrencyPair> {
        @Override
        public CurrencyPair convert(String value) {
            try {
                return CurrencyPair.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code 1m}, {@code 5m}, {@code 15m}, {@code 30m}, {@code 1h}, {@code 4h}, {@code 6h}, {@code 1d}, {@code 1w}. */
    public static final class IntervalConverter implements ITypeConverter<CandleInterval> {
        @Override
        public CandleInterval convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (CandleInterval interval : CandleInterval.values()) {
                if (io.exflux.samples.cli.render.Formats.intervalLabel(interval).equals(v) || interval.name().equalsIgnoreCase(v)) {
                    return interval;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a candle interval (1m 5m 15m 30m 1h 4h 6h 1d 1w)");
        }
    }

    /** An instant ({@code 2026-11-21T10:00:00Z}), a date ({@code 2026-11-21}, midnight UTC) or an epoch second. */
    public static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            String v = value.trim();
            try {
                if (v.matches("\\d{9,11}")) {
                    return Instant.ofEpochSecond(Long.parseLong(v));
                }
                if (v.length() == 10) {
                    return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value
                        + "' is not a time (try 2026-11-21, 2026-11-21T10:00:00Z or an epoch second)");
            }
        }
    }
}
