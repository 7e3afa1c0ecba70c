package io.exflux.samples.soak;

import io.exflux.reactive.config.StreamOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a soak runs: which venues, for how long, from which seed, and which rules its verdict enforces.
 *
 * @param venues         venue ids with a simulator ({@link SoakVenues#SIMULATED})
 * @param duration       how long the chaos runs against each venue
 * @param seed           seeds the chaos schedules and the market generators: the same seed, the same faults
 * @param strictGaps     also fail on trades missed without an announced gap and on own orders whose final state
 *                       never reached {@code watchOrders} (the command's default; off shows them as information)
 * @param strictLiveness also fail on stalls not detected within {@link #STALL_BOUND} (the command's default)
 */
public record SoakSettings(List<String> venues, Duration duration, long seed, boolean strictGaps,
                           boolean strictLiveness) {

    /** The longest a stall may go unnoticed: the clients' default stall timeout. */
    public static final Duration STALL_BOUND = StreamOptions.DEFAULT_STALL_TIMEOUT;

    /**
     * Added to {@link #STALL_BOUND} when a detection is timed from the proxy's stall: the watchdog counts silence
     * from the last frame that arrived, and what the proxy forwarded just before it stalled still arrives; then the
     * drop is reported. Without it a stall detected exactly on time reads 15.0x s.
     */
    public static final Duration STALL_REPORT_ALLOWANCE = Duration.ofSeconds(1);

    public SoakSettings {
        venues = List.copyOf(venues);
        Objects.requireNonNull(duration, "duration");
        if (venues.isEmpty()) {
            throw new IllegalArgumentException("no venue to soak");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a soak needs a positive duration: " + duration);
        }
    }

    /** Quiet checks of the books: about every 20 s, at most ten per venue. */
    Duration checkEvery() {
        Duration tenth = duration.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(20)) > 0 ? tenth : Duration.ofSeconds(20);
    }
}
