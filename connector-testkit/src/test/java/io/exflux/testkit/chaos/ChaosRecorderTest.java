package io.exflux.testkit.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The fault log stays bounded however long a soak runs; the counters keep counting. */
class ChaosRecorderTest {

    @Test
    void theLogKeepsTheLatestEventsAndTheCountersCountThemAll() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        ChaosRecorder recorder = new ChaosRecorder(time);
        int extra = 5;

        for (int i = 0; i < ChaosRecorder.MAX_EVENTS + extra; i++) {
            recorder.fault(i + 1, ChaosFault.cut());
            time.advanceTimeBy(Duration.ofMillis(1));
        }

        List<ChaosEvent> events = recorder.events();
        assertThat(events).hasSize(ChaosRecorder.MAX_EVENTS);
        assertThat(events.get(0).connectionId()).isEqualTo(extra + 1);
        assertThat(events.get(events.size() - 1).connectionId()).isEqualTo(ChaosRecorder.MAX_EVENTS + extra);
        assertThat(recorder.stats().faults(FaultKind.CUT)).isEqualTo(ChaosRecorder.MAX_EVENTS + extra);
        time.dispose();
    }
}
