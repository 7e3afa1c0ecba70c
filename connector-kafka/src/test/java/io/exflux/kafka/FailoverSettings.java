package io.exflux.kafka;

import java.time.Duration;

/** The collectors' settings of the failover test, shared by the in-process ones and the child process. */
final class FailoverSettings {

    static final Duration SESSION_TIMEOUT = Duration.ofMillis(1500);

    static final CollectSettings COLLECT = CollectSettings.DEFAULTS.withSnapshotInterval(Duration.ofSeconds(1))
            .withBackfillDelay(Duration.ofMillis(300)).withBookDepth(40);

    private FailoverSettings() {
    }

    static CollectorOptions options(String group) {
        return CollectorOptions.builder(group, Markets.keys()).collect(COLLECT).sessionTimeout(SESSION_TIMEOUT)
                .heartbeatInterval(Duration.ofMillis(300)).slices(6).dataPartitions(4).build();
    }
}
