package io.exflux.testkit.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One stall as it happened on one direction of one connection: when forwarding actually stopped (for a half-frame
 * then stall, when its last byte had gone, not when it was applied), when it started again ({@code null} while it
 * lasts), and the fault that stopped it. Times are on the proxy's scheduler clock, as in {@link ChaosEvent}. A stall
 * ends when its time is up, on a resume or heal, or when the connection closes; a stall applied to a direction
 * already stalled joins the stall under way and adds no record.
 */
public record ChaosStall(long connectionId, Direction way, Instant start, Instant end, ChaosFault cause) {

    public ChaosStall {
        Objects.requireNonNull(way, "way");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(cause, "cause");
    }

    /** Whether forwarding is still stopped. */
    public boolean ongoing() {
        return end == null;
    }

    /** How long forwarding stopped, or has been stopped as of {@code now} while the stall lasts. */
    public Duration lasted(Instant now) {
        return Duration.between(start, end == null ? now : end);
    }

    @Override
    public String toString() {
        return start + ".." + (end == null ? "" : end) + " #" + connectionId + " " + way + " " + cause;
    }
}
