package io.exflux.testkit.chaos;

import java.util.Map;

/**
 * A snapshot of a {@link ChaosProxy}'s counters: connections accepted and open now, bytes forwarded each way,
 * faults applied by kind (every kind present, zero when none; a fault applied proxy-wide counts once).
 */
public record ChaosStats(long connectionsAccepted, int connectionsOpen, long bytesToServer, long bytesToClient,
                         Map<FaultKind, Long> faults) {

    public ChaosStats {
        faults = Map.copyOf(faults);
    }

    /** How many faults of this kind were applied. */
    public long faults(FaultKind kind) {
        return faults.getOrDefault(kind, 0L);
    }
}
