package io.exflux.reactive.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Deadlines fire on their scheduler's time: a wheel on Reactor's real-time schedulers, exact on virtual time. */
class DeadlineTimerTest {

    @Test
    void onVirtualTimeADeadlineFiresExactlyWhenItsTimeHasPassed() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        AtomicInteger fired = new AtomicInteger();
        DeadlineTimer timer = DeadlineTimer.forScheduler(time);

        timer.schedule(fired::incrementAndGet, Duration.ofSeconds(30));
        time.advanceTimeBy(Duration.ofMillis(29_999));
        assertThat(fired).hasValue(0);
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(fired).hasValue(1);
    }

    @Test
    void onVirtualTimeADisarmedDeadlineNeverFires() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        AtomicInteger fired = new AtomicInteger();

        DeadlineTimer.forScheduler(time).schedule(fired::incrementAndGet, Duration.ofSeconds(1)).dispose();
        time.advanceTimeBy(Duration.ofMinutes(1));

        assertThat(fired).hasValue(0);
    }

    @Test
    void onTheParallelSchedulerADeadlineFiresOnTheSchedulerNotOnTheWheel() throws Exception {
        DeadlineTimer timer = DeadlineTimer.forScheduler(Schedulers.parallel());
        assertThat(timer).isInstanceOf(DeadlineTimer.Wheel.class);
        CompletableFuture<String> firedOn = new CompletableFuture<>();
        long start = System.nanoTime();

        timer.schedule(() -> firedOn.complete(Thread.currentThread().getName()), Duration.ofMillis(50));

        assertThat(firedOn.get(10, TimeUnit.SECONDS)).startsWith("parallel-");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void onTheParallelSchedulerADisarmedDeadlineNeverFires() throws Exception {
        DeadlineTimer timer = DeadlineTimer.forScheduler(Schedulers.parallel());
        AtomicBoolean disarmedFired = new AtomicBoolean();
        CompletableFuture<Boolean> later = new CompletableFuture<>();

        Disposable disarmed = timer.schedule(() -> disarmedFired.set(true), Duration.ofMillis(20));
        disarmed.dispose();
        // a deadline armed after it and due after it: once this one fired, the disarmed one's time is long past
        timer.schedule(() -> later.complete(true), Duration.ofMillis(100));

        assertThat(later.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(disarmedFired).isFalse();
    }
}
