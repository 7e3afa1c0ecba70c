package io.exflux.reactive.internal.ratelimit;

import io.exflux.reactive.config.RateLimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Exact grant times under virtual time. */
class TokenBucketTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

    private TokenBucket bucket(RateLimit limit) {
        return new TokenBucket("test", limit, time);
    }

    private Mono<Long> grantTime(TokenBucket bucket, int weight) {
        return bucket.acquire(weight).then(Mono.fromCallable(() -> time.now(TimeUnit.MILLISECONDS)));
    }

    @Test
    void spacesPermitsEvenlyWithBurstOne() {
        TokenBucket bucket = bucket(RateLimit.perSecond(10).withMargin(Duration.ZERO));

        StepVerifier.withVirtualTime(() -> Flux.range(0, 3).flatMap(i -> grantTime(bucket, 1)), () -> time, 10)
                .expectNext(0L)
                .expectNoEvent(Duration.ofMillis(99))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(100L)
                .expectNoEvent(Duration.ofMillis(99))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(200L)
                .verifyComplete();
    }

    @Test
    void theDefaultMarginStretchesThePeriodByTenPercent() {
        TokenBucket bucket = bucket(RateLimit.perSecond(10));

        StepVerifier.withVirtualTime(() -> Flux.range(0, 3).flatMap(i -> grantTime(bucket, 1)), () -> time, 10)
                .thenAwait(Duration.ofSeconds(1))
                .expectNext(0L, 110L, 220L)
                .verifyComplete();
    }

    @Test
    void aBurstGoesAtOnceThenThePaceResumes() {
        TokenBucket bucket = bucket(RateLimit.perSecond(10).withBurst(5).withMargin(Duration.ZERO));

        StepVerifier.withVirtualTime(() -> Flux.range(0, 7).flatMap(i -> grantTime(bucket, 1)), () -> time, 10)
                .expectNext(0L, 0L, 0L, 0L, 0L)
                .expectNoEvent(Duration.ofMillis(99))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(100L)
                .thenAwait(Duration.ofMillis(100))
                .expectNext(200L)
                .verifyComplete();
    }

    @Test
    void aHeavyRequestCostsItsWeight() {
        TokenBucket bucket = bucket(RateLimit.perSecond(10).withMargin(Duration.ZERO));

        StepVerifier.withVirtualTime(() -> grantTime(bucket, 3).concatWith(grantTime(bucket, 1)), () -> time, 10)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(199))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(200L)
                .expectNoEvent(Duration.ofMillis(99))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(300L)
                .verifyComplete();
    }

    @Test
    void aCancelledWaiterGivesItsReservationBack() {
        TokenBucket bucket = bucket(RateLimit.perSecond(10).withMargin(Duration.ZERO));
        List<Long> grants = new ArrayList<>();
        bucket.acquire(1).subscribe(null, null, () -> grants.add(time.now(TimeUnit.MILLISECONDS)));
        bucket.acquire(1).subscribe(null, null, () -> grants.add(time.now(TimeUnit.MILLISECONDS)));
        Disposable cancelled = bucket.acquire(1)
                .subscribe(null, null, () -> grants.add(-1L));

        time.advanceTimeBy(Duration.ofMillis(150));
        cancelled.dispose();
        bucket.acquire(1).subscribe(null, null, () -> grants.add(time.now(TimeUnit.MILLISECONDS)));
        time.advanceTimeBy(Duration.ofSeconds(1));

        assertThat(grants).as("the cancelled slot at 200 ms goes to the next caller").containsExactly(0L, 100L, 200L);
    }

    @Test
    void aPauseHoldsEveryPermitUntilItEndsThenThePaceResumes() {
        TokenBucket bucket = bucket(RateLimit.perSecond(10).withMargin(Duration.ZERO));

        StepVerifier.withVirtualTime(() -> Mono.fromRunnable(() -> bucket.pauseFor(Duration.ofSeconds(2)))
                        .thenMany(Flux.range(0, 2).flatMap(i -> grantTime(bucket, 1))), () -> time, 10)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(1999))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(2000L)
                .expectNoEvent(Duration.ofMillis(99))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(2100L)
                .verifyComplete();
    }

    @Test
    void aWaiterThatWakesInsideAPauseQueuesBehindIt() {
        TokenBucket bucket = bucket(RateLimit.perSecond(10).withMargin(Duration.ZERO));
        List<Long> grants = new ArrayList<>();
        bucket.acquire(1).subscribe(null, null, () -> grants.add(time.now(TimeUnit.MILLISECONDS)));
        bucket.acquire(1).subscribe(null, null, () -> grants.add(time.now(TimeUnit.MILLISECONDS)));

        time.advanceTimeBy(Duration.ofMillis(50));
        bucket.pauseFor(Duration.ofSeconds(1));
        time.advanceTimeBy(Duration.ofSeconds(2));

        assertThat(grants).containsExactly(0L, 1050L);
    }

    @Test
    void concurrentCallersGetDistinctEvenlySpacedSlots() throws Exception {
        TokenBucket bucket = bucket(RateLimit.perSecond(100).withMargin(Duration.ZERO));
        ConcurrentLinkedQueue<Long> grants = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int caller = 0; caller < 8; caller++) {
                callers.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        bucket.acquire(1).subscribe(null, null, () -> grants.add(time.now(TimeUnit.MILLISECONDS)));
                    }
                }));
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
        } finally {
            pool.shutdownNow();
        }

        time.advanceTimeBy(Duration.ofSeconds(10));

        List<Long> expected = new ArrayList<>();
        for (long slot = 0; slot < 400; slot++) {
            expected.add(slot * 10);
        }
        assertThat(grants.stream().sorted().toList()).isEqualTo(expected);
    }

    @Test
    void aWeightBelowOneIsAnErrorFromTheMono() {
        StepVerifier.create(bucket(RateLimit.perSecond(10)).acquire(0))
                .expectError(IllegalArgumentException.class)
                .verify(Duration.ofSeconds(1));
    }

    @Test
    void anUnlimitedScopeGrantsAtOnce() {
        RateLimiter limiter = new RateLimiter(java.util.Map.of("public", RateLimit.perSecond(1)), null, time);

        StepVerifier.create(limiter.acquire("private", 1)).verifyComplete();
        assertThat(limiter.bucket("private")).isNull();
        assertThat(limiter.bucket("public")).isSameAs(limiter.bucket("public"));
    }

    @Test
    void aPermitFurtherAwayThanTheLongestWaitIsRefusedAtOnceAndTakesNoSlot() {
        TokenBucket bucket = bucket(RateLimit.perSecond(1).withMargin(Duration.ZERO));
        Duration maxWait = Duration.ofMillis(1500);

        StepVerifier.withVirtualTime(() -> Flux.range(0, 2)
                        .concatMap(i -> bucket.acquire(1, maxWait).then(Mono.fromCallable(
                                () -> "granted at " + time.now(TimeUnit.MILLISECONDS)))
                                .onErrorResume(PermitWaitTooLongException.class, refused -> Mono.just(
                                        "refused, would wait " + refused.waitNeeded().toMillis())),
                                0)
                        .concatWith(Flux.defer(() -> Flux.range(0, 2).flatMap(i -> bucket.acquire(1, maxWait)
                                .then(Mono.fromCallable(() -> "granted at " + time.now(TimeUnit.MILLISECONDS)))
                                .onErrorResume(PermitWaitTooLongException.class, refused -> Mono.just(
                                        "refused, would wait " + refused.waitNeeded().toMillis()))))),
                        () -> time, 10)
                .thenAwait(Duration.ofSeconds(10))
                // two in sequence (0 s, 1 s), then two at once at 1 s: one more second is fine, two are not
                .expectNext("granted at 0", "granted at 1000", "refused, would wait 2000", "granted at 2000")
                .verifyComplete();
        assertThat(bucket.currentWait()).as("the refused caller reserved nothing").isEqualTo(Duration.ZERO);
    }

    @Test
    void aPauseLongerThanTheLongestWaitRefusesAtOnce() {
        TokenBucket bucket = bucket(RateLimit.perSecond(10));
        bucket.pauseFor(Duration.ofMinutes(5));

        StepVerifier.withVirtualTime(() -> bucket.acquire(1, Duration.ofSeconds(30)), () -> time, 1)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(
                        PermitWaitTooLongException.class, refused -> {
                            assertThat(refused.waitNeeded()).isEqualTo(Duration.ofMinutes(5));
                            assertThat(refused.scope()).isEqualTo("test");
                        }))
                .verify(Duration.ofSeconds(5));
    }

    private Mono<Long> departureTime(TokenBucket bucket, int weight) {
        return bucket.depart(weight).then(Mono.fromCallable(() -> time.now(TimeUnit.MILLISECONDS)));
    }

    @Test
    void requestsGrantedInStepLeaveAtOnce() {
        TokenBucket bucket = bucket(RateLimit.perSecond(10).withMargin(Duration.ZERO));

        // each request departs right after its permit: the departures keep the permits' spacing, no wait added
        StepVerifier.withVirtualTime(() -> Flux.range(0, 3).concatMap(i -> grantTime(bucket, 1)
                        .then(departureTime(bucket, 1))), () -> time, 10)
                .expectNext(0L)
                .thenAwait(Duration.ofMillis(100))
                .expectNext(100L)
                .thenAwait(Duration.ofMillis(100))
                .expectNext(200L)
                .verifyComplete();
    }

    @Test
    void requestsThatBunchedUpAfterTheirPermitsLeaveAtThePaceOfTheLimit() {
        TokenBucket bucket = bucket(RateLimit.perSecond(10).withMargin(Duration.ZERO));

        // three permits granted at 0, 100 and 200 ms whose requests were all held up until 250 ms (new connections)
        StepVerifier.withVirtualTime(() -> Flux.range(0, 3).flatMap(i -> grantTime(bucket, 1))
                        .collectList()
                        .delayElement(Duration.ofMillis(50), time)
                        .flatMapMany(granted -> Flux.range(0, 3).flatMap(i -> departureTime(bucket, 1))),
                        () -> time, 10)
                .thenAwait(Duration.ofMillis(250))
                .expectNext(250L)
                .expectNoEvent(Duration.ofMillis(99))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(350L)
                .thenAwait(Duration.ofMillis(100))
                .expectNext(450L)
                .verifyComplete();
    }

    @Test
    void aDepartureCancelledBeforeItsTurnGivesItsSlotBack() {
        TokenBucket bucket = bucket(RateLimit.perSecond(10).withMargin(Duration.ZERO));
        bucket.depart(1).block();
        Disposable cancelled = bucket.depart(1).subscribe();
        cancelled.dispose();

        StepVerifier.withVirtualTime(() -> departureTime(bucket, 1), () -> time, 1)
                .thenAwait(Duration.ofMillis(100))
                .expectNext(100L)
                .verifyComplete();
    }
}
