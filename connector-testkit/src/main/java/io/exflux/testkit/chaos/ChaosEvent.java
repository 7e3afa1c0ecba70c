package io.exflux.testkit.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One fault a {@link ChaosProxy} applied: when (on the proxy's scheduler clock), to which connection
 * ({@link #EVERY_CONNECTION} when applied proxy-wide) and what.
 */
public record ChaosEvent(Instant time, long connectionId, ChaosFault fault) {

    /** The connection id of a fault applied to every open connection at once. */
    public static final long EVERY_CONNECTION = 0;

    public ChaosEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(fault, "fault");
    }

    /** The fault's kind. */
    public FaultKind kind() {
        return fault.kind();
    }

    /** How long the fault was set to last: zero for instant faults, {@code null} for "until cleared". */
    public Duration duration() {
        return fault.duration();
    }

    @Override
    public String toString() {
        String target = connectionId == EVERY_CONNECTION ? "all" : "#" + connectionId;
        return time + " " + target + " " + fault;
    }
}
