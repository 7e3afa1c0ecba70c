package io.exflux.testkit.blockhound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The short lock handovers {@link KnownShortLocks} lets by, on a thread BlockHound watches. */
class KnownShortLocksTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** What a virtual-time timer cancelled on an event loop does while the test thread holds the task queue. */
    @Test
    void removingFromAPriorityBlockingQueueWhoseLockIsHeldWaitsUnreported() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // a comparison runs under the queue's lock: adding 2 holds it until released
        PriorityBlockingQueue<Integer> queue = new PriorityBlockingQueue<>(4, (a, b) -> {
            if (a == 2 || b == 2) {
                holding.countDown();
                awaitQuietly(release);
            }
            return Integer.compare(a, b);
        });
        queue.add(1);
        Thread holder = new Thread(() -> queue.add(2), "lock-holder");
        holder.start();
        assertThat(holding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        AtomicReference<Thread> remover = new AtomicReference<>();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Mono.fromCallable(() -> {
            remover.set(Thread.currentThread());
            return queue.remove(1);
        }).subscribeOn(Schedulers.parallel()).subscribe(outcome::set, outcome::set);
        // released once the remover waits for the lock (or BlockHound has failed it)
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (outcome.get() == null && (remover.get() == null || remover.get().getState() != Thread.State.WAITING)
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        release.countDown();
        holder.join(WAIT.toMillis());
        while (outcome.get() == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        assertThat(outcome.get()).isEqualTo(Boolean.TRUE);
        assertThat(queue).containsExactly(2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
