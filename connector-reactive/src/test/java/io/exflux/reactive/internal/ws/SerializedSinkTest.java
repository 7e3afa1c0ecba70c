package io.exflux.reactive.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/**
 * Connection events are published by sockets, timers and subscribers' own reactions at once. A value offered while
 * another is being delivered must wait its turn, not be lost: a lost {@code Disconnected} also lost the reconnect
 * that followed it.
 */
class SerializedSinkTest {

    @Test
    void aValuePublishedFromInsideADeliveryReachesEverySubscriberAfterIt() {
        SerializedSink<String> sink = new SerializedSink<>();
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        Disposable reacting = sink.asFlux().subscribe(value -> {
            first.add(value);
            if (value.equals("disconnected")) {
                sink.next("closed");
            }
        });
        Disposable watching = sink.asFlux().subscribe(second::add);

        sink.next("disconnected");

        assertThat(first).containsExactly("disconnected", "closed");
        assertThat(second).as("every subscriber sees the first value before the one it caused")
                .containsExactly("disconnected", "closed");
        reacting.dispose();
        watching.dispose();
    }

    @Test
    void aValueOfferedWhileASlowDeliveryRunsOnAnotherThreadWaitsForItInsteadOfFailing() throws Exception {
        SerializedSink<String> sink = new SerializedSink<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch deliveryStarted = new CountDownLatch(1);
        CountDownLatch otherOffered = new CountDownLatch(1);
        Disposable subscriber = sink.asFlux().subscribe(value -> {
            seen.add(value + " on " + Thread.currentThread().getName());
            if (value.equals("slow")) {
                deliveryStarted.countDown();
                // held far past the 200 ms a spinning emitter waited before it gave the value up
                awaitQuietly(otherOffered);
            }
        });
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> sink.next("slow"), runnable -> {
            Thread thread = new Thread(runnable, "slow-publisher");
            thread.start();
        });
        assertThat(deliveryStarted.await(10, TimeUnit.SECONDS)).isTrue();

        sink.next("other");
        Thread.sleep(300);
        assertThat(seen).as("not delivered while the first delivery runs").hasSize(1);
        otherOffered.countDown();
        slow.get(10, TimeUnit.SECONDS);

        assertThat(seen).as("delivered by the thread that was delivering, in order")
                .containsExactly("slow on slow-publisher", "other on slow-publisher");
        subscriber.dispose();
    }

    @Test
    void aSubscriberThatThrowsDoesNotEndTheSinkForTheOthers() {
        SerializedSink<String> sink = new SerializedSink<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        sink.asFlux().subscribe(value -> {
            throw new IllegalStateException("subscriber bug");
        }, error -> { });
        sink.asFlux().subscribe(seen::add);

        sink.next("a");
        sink.next("b");

        assertThat(seen).containsExactly("a", "b");
    }

    @Test
    void completeEndsEverySubscriberAfterTheValuesBeforeIt() {
        SerializedSink<String> sink = new SerializedSink<>();
        StepVerifier.create(sink.asFlux())
                .then(() -> {
                    sink.next("a");
                    sink.complete();
                })
                .expectNext("a")
                .verifyComplete();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
