package io.exflux.reactive.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.ClientResources;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

class SchedulerClockTest {

    @Test
    void theResourcesClockMovesWithVirtualTime() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        ClientResources resources = ClientResources.builder().scheduler(time).build();
        Instant start = resources.clock().instant();

        time.advanceTimeBy(Duration.ofMinutes(3).plusMillis(7));

        assertThat(Duration.between(start, resources.clock().instant())).isEqualTo(Duration.ofMinutes(3).plusMillis(7));
        assertThat(resources.clock().millis()).isEqualTo(start.toEpochMilli() + 180_007);
    }

    @Test
    void onARealSchedulerItIsTheWallClockNotTheNanoTimer() {
        Instant clock = new SchedulerClock(Schedulers.parallel()).instant();
        assertThat(Duration.between(Instant.now(), clock).abs()).isLessThan(Duration.ofMinutes(1));
    }
}
