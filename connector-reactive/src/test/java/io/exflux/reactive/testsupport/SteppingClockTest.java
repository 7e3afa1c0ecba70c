package io.exflux.reactive.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class SteppingClockTest {

    private final SteppingClock clock = new SteppingClock();

    @Test
    void movedToItsNextTimerTheClockReadsThatTimersInstantUntilMovedAgain() {
        List<Long> readInside = new CopyOnWriteArrayList<>();
        Mono.delay(Duration.ofNanos(73_333_333), clock).subscribe(tick -> readInside.add(now()));
        Mono.delay(Duration.ofMillis(100), clock).subscribe(tick -> readInside.add(now()));

        assertThat(clock.nextTimer()).isEqualTo(OptionalLong.of(73_333_333));
        clock.advanceTo(clock.nextTimer().getAsLong());
        assertThat(readInside).containsExactly(73_333_333L);
        assertThat(now()).as("stopped at the timer, not past it").isEqualTo(73_333_333);
        assertThat(clock.ranTimersUntil(now())).isTrue();
        assertThat(clock.nextTimer()).isEqualTo(OptionalLong.of(100_000_000));

        clock.advanceTo(clock.nextTimer().getAsLong());
        assertThat(readInside).containsExactly(73_333_333L, 100_000_000L);
        assertThat(clock.nextTimer()).isEmpty();
    }

    @Test
    void aTimerDisposedBeforeItsTurnIsForgotten() {
        Disposable waiting = Mono.delay(Duration.ofSeconds(1), clock).subscribe();
        assertThat(clock.ranTimersUntil(Duration.ofSeconds(1).toNanos())).isFalse();

        waiting.dispose();

        assertThat(clock.nextTimer()).isEmpty();
        assertThat(clock.ranTimersUntil(Duration.ofSeconds(1).toNanos())).isTrue();
    }

    @Test
    void periodicTimersRunAsTheClockPassesThemWithoutBeingTracked() {
        List<Long> ticks = new CopyOnWriteArrayList<>();
        Flux.interval(Duration.ofMillis(10), clock).take(3).subscribe(ticks::add);

        assertThat(clock.nextTimer()).isEmpty();
        clock.advanceTo(Duration.ofMillis(30).toNanos());
        assertThat(ticks).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aTimerThatThrowsIsRecordedAndForgottenAndTheClockGoesOn() {
        clock.schedule(() -> {
            throw new IllegalStateException("broken timer");
        }, 5, TimeUnit.MILLISECONDS);
        List<Long> later = new CopyOnWriteArrayList<>();
        Mono.delay(Duration.ofMillis(10), clock).subscribe(tick -> later.add(now()));

        clock.advanceTo(Duration.ofMillis(10).toNanos());

        assertThat(clock.failures()).singleElement().asString().contains("broken timer");
        assertThat(later).containsExactly(10_000_000L);
        assertThat(clock.nextTimer()).isEmpty();
    }

    @Test
    void theClockDoesNotMoveBackwards() {
        clock.advanceTo(1_000);
        assertThatThrownBy(() -> clock.advanceTo(999)).isInstanceOf(IllegalArgumentException.class);
    }

    private long now() {
        return clock.now(TimeUnit.NANOSECONDS);
    }
}
