package io.exflux.reactive.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast one scope may send: {@code permits} per {@code period}, with bursts of up to {@code burst} permits, the
 * period stretched by {@code margin}.
 *
 * <p>Why the margin: a venue counts requests when they <em>arrive</em>, and arrival times jitter (network, a GC
 * pause, the venue's own queue). Permits spaced exactly {@code period / permits} apart would put
 * {@code permits + 1} arrivals into some window whenever one request is a little late and the next one is not.
 * The default margin of 10% of the period absorbs
 * that on a quiet network; raise it where arrivals jitter more (a loaded host, a long route). Requests are paced
 * again where they leave, once their connection is ready, so a cold client's first requests, held up by TCP and TLS
 * handshakes, do not arrive together with the ones granted after them. With the default burst of 1, at most {@code permits} are
 * sent in any window of {@code period} (weights counted); a larger burst trades that guarantee for latency.
 *
 * @param permits the sustained number of permits per period, at least 1
 * @param period  the period, positive
 * @param burst   how many permits may go at once after an idle time, at least 1
 * @param margin  added to the period when spacing permits, zero or positive
 */
public record RateLimit(int permits, Duration period, int burst, Duration margin) {

    /** The scope of a venue's public calls: counted per venue, whatever the API key. */
    public static final String PUBLIC_SCOPE = "public";

    /** The margin used when none is given, in percent of the period. */
    public static final int DEFAULT_MARGIN_PERCENT = 10;

    /** Checks the values. */
    public RateLimit {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1: " + permits);
        }
        Objects.requireNonNull(period, "period");
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
        Objects.requireNonNull(margin, "margin");
        if (margin.isNegative()) {
            throw new IllegalArgumentException("margin must not be negative: " + margin);
        }
    }

    /** {@code permits} per {@code period}, burst 1, the default margin. */
    public static RateLimit of(int permits, Duration period) {
        return new RateLimit(permits, period, 1, period.multipliedBy(DEFAULT_MARGIN_PERCENT).dividedBy(100));
    }

    /** {@code permits} per second, burst 1, the default margin. */
    public static RateLimit perSecond(int permits) {
        return of(permits, Duration.ofSeconds(1));
    }

    /**
     * Whether a scope is counted per venue ({@code public}, or a name starting with {@code public.}) rather than per
     * API key (every other scope): clients sharing {@code ClientResources} share a public scope's limit, and a
     * private scope's limit when they use the same key.
     */
    public static boolean isPublicScope(String scope) {
        return PUBLIC_SCOPE.equals(scope) || scope != null && scope.startsWith(PUBLIC_SCOPE + ".");
    }

    /** A copy with this burst. */
    public RateLimit withBurst(int burst) {
        return new RateLimit(permits, period, burst, margin);
    }

    /** A copy with this margin ({@link Duration#ZERO} for exact spacing). */
    public RateLimit withMargin(Duration margin) {
        return new RateLimit(permits, period, burst, margin);
    }

    /** The time one permit costs: {@code (period + margin) / permits}, in nanoseconds. */
    public long nanosPerPermit() {
        return period.plus(margin).toNanos() / permits;
    }
}
