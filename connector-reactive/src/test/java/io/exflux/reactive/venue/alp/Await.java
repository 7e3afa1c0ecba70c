package io.exflux.reactive.venue.alp;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition on the test thread until it holds or a deadline passes (loopback tests only). */
public final class Await {

    private final Duration limit;

    private Await(Duration limit) {
        this.limit = limit;
    }

    public static Await await() {
        return new Await(Duration.ofSeconds(10));
    }

    public Await atMost(Duration value) {
        return new Await(value);
    }

    public void until(Callable<Boolean> condition) {
        until(condition, () -> "");
    }

    /** As {@link #until(Callable)}, with what the test saw in the failure message. */
    public void until(Callable<Boolean> condition, java.util.function.Supplier<String> detail) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (!Boolean.TRUE.equals(condition.call())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("condition not met within " + limit + " " + detail.get());
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
