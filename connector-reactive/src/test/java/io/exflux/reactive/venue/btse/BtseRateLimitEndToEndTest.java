package io.exflux.reactive.venue.btse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.exflux.api.error.RateLimitedException;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.HttpOptions;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.internal.resources.SchedulerClock;
import io.exflux.reactive.testsupport.SteppingClock;
import io.exflux.testkit.btse.BtseSimulator;
import io.exflux.testkit.btse.BtseSimulatorOptions;
import io.exflux.testkit.server.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client asked for 500 public calls a second never goes over BTSE's query limit as the simulator counts it (fixed
 * one-second windows of the venue's clock, 15 a caller), and a client configured faster than the venue is refused
 * by it. Client and simulator run on one virtual clock: the client's permits and the venue's windows read the same
 * time. The clock moves from one timer of the client to the next (or to the next call offered) and stands still
 * until every request those released has been answered, so each request reaches the venue at the very instant the
 * client's limiter let it go, however slow the machine: every count below is exact.
 */
class BtseRateLimitEndToEndTest {

    /** 500 calls a second for 10 seconds. */
    private static final Duration OFFER_SPACING = Duration.ofMillis(2);
    private static final int OFFERED = 5_000;
    /** A call whose permit would come later than this fails at once on the client, never sent. */
    private static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(2);
    /** A fixed start, a quarter into a venue second, so that every run counts the same windows. */
    private static final Instant START = Instant.parse("2026-03-02T10:00:00.250Z");
    private static final String TIME_PATH = "/spot/api/v3.2/time";
    /** The longest real time one step may take to settle (a loaded machine's round trips on loopback). */
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);

    private OneClockLoad load;

    @AfterEach
    void stop() {
        if (load != null) {
            load.close();
        }
    }

    @Test
    void fiveHundredPublicCallsASecondNeverExceedTheQueryScope() {
        RateLimit limit = BtseOptions.DEFAULT_QUERY_RATE_LIMIT;
        load = new OneClockLoad(limit);
        load.offer(OFFERED, OFFER_SPACING);

        long spacing = limit.nanosPerPermit();
        // the first permit comes at once and each next one a spacing later, for as long as calls queue; the last
        // call offered waits at most maxRateLimitWait, so the last permit used is the last one due by then
        long lastPermitBy = OFFER_SPACING.multipliedBy(OFFERED - 1).plus(MAX_RATE_LIMIT_WAIT).toNanos();
        int permits = (int) (lastPermitBy / spacing) + 1;
        BtseSimulator.ScopeCount query = load.sim.rateCount(BtseSimulator.Scope.QUERY);
        // the venue refuses every call over 15 in a second: none refused means none went over
        assertThat(query.refused()).as("no 429 from the venue: %s", load.state()).isZero();
        assertThat(load.refusedByVenue.get()).isZero();
        assertThat(query.accepted()).as("every call the venue saw was answered").isEqualTo(load.answered.get());
        assertThat(load.answered.get() + load.refusedHere.get()).as("every call answered or refused here")
                .isEqualTo(OFFERED);
        assertThat(load.answered.get()).as("one permit every %s ns from the start until the last call's wait ends",
                spacing).isEqualTo(permits);
        // permits 73.3 ms apart (the client's margin; 66.7 ms without) fit 14 into a second, never the venue's 15
        int mostInASecond = (int) (Duration.ofSeconds(1).toNanos() / spacing) + 1;
        assertThat(query.busiestSecond()).as("most calls the venue counted in one second").isEqualTo(mostInASecond);
        // each request reached the venue exactly when its permit was granted (the venue's clock reads milliseconds)
        long startMillis = START.toEpochMilli();
        assertThat(load.arrivals()).as("arrivals at the venue").containsExactlyElementsOf(
                LongStream.range(0, permits).mapToObj(k -> Instant.ofEpochMilli(startMillis + k * spacing / 1_000_000))
                        .toList());
        assertThat(load.clock.failures()).as("no timer of the client or the simulator failed").isEmpty();
    }

    /**
     * The venue's limit is enforced: a client told to send 16 calls a second, evenly spaced with no margin, puts a
     * 16th call into some of the venue's seconds, and the venue refuses it. With one attempt a call, each refusal
     * reaches the caller as the venue's 429.
     */
    @Test
    void aClientConfiguredFasterThanTheVenueIsRefusedByIt() {
        load = new OneClockLoad(RateLimit.perSecond(16).withMargin(Duration.ZERO));
        load.offer(OFFERED, OFFER_SPACING);

        BtseSimulator.ScopeCount query = load.sim.rateCount(BtseSimulator.Scope.QUERY);
        assertThat(query.refused()).as("the venue refused calls over 15 in a second: %s", load.state()).isPositive();
        assertThat(query.busiestSecond()).as("the venue let no second hold more than 15").isEqualTo(15);
        assertThat(load.refusedByVenue.get()).as("every refusal reached its caller as a 429")
                .isEqualTo((int) query.refused());
        assertThat(load.answered.get()).isEqualTo((int) query.accepted());
        assertThat(load.answered.get() + load.refusedHere.get() + load.refusedByVenue.get()).isEqualTo(OFFERED);
        assertThat(load.clock.failures()).as("no timer of the client or the simulator failed").isEmpty();
    }

    /**
     * A BTSE simulator and a client of it on one {@link SteppingClock}, offering public calls at a fixed pace of the
     * virtual clock and counting how each ended. The client makes one attempt a call, so a call ends answered,
     * refused by the client's limiter (never sent), or refused by the venue.
     */
    private static final class OneClockLoad implements AutoCloseable {

        final SteppingClock clock = new SteppingClock();
        final BtseSimulator sim;
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger refusedHere = new AtomicInteger();
        final AtomicInteger refusedByVenue = new AtomicInteger();
        /** Requests handed to the transport: counted as the connection is asked for, on the thread that released it. */
        final AtomicInteger handedOver = new AtomicInteger();
        final List<Throwable> otherErrors = new CopyOnWriteArrayList<>();
        private final ClientResources resources;
        private final BtseExchangeClient client;

        OneClockLoad(RateLimit queryLimit) {
            clock.advanceTimeTo(START);
            sim = BtseSimulator.start(BtseSimulatorOptions.builder().generatorEnabled(false)
                    .clock(new SchedulerClock(clock)).timer(clock).build());
            resources = ClientResources.builder().scheduler(clock)
                    .httpClientCustomizer(http -> http.doOnConnect(config -> handedOver.incrementAndGet()))
                    .build();
            client = BtseExchangeClient.create(BtseEndToEnd.options(sim, resources)
                    .http(HttpOptions.builder().maxRateLimitWait(MAX_RATE_LIMIT_WAIT).build())
                    .maxAttempts(1)
                    .rateLimit(BtseOptions.QUERY_SCOPE, queryLimit)
                    .build());
        }

        /**
         * Offers {@code calls} calls {@code spacing} apart from now on, moving the clock to each next call or timer
         * and letting every request released there be answered before it moves again; returns once every call
         * has ended.
         */
        void offer(int calls, Duration spacing) {
            long nextCall = clock.now(TimeUnit.NANOSECONDS);
            int offered = 0;
            while (offered < calls || ended() < calls) {
                OptionalLong timer = clock.nextTimer();
                long next = Math.min(offered < calls ? nextCall : Long.MAX_VALUE,
                        timer.isPresent() ? timer.getAsLong() : Long.MAX_VALUE);
                if (next == Long.MAX_VALUE) {
                    fail("calls wait but nothing will wake them: " + state());
                }
                clock.advanceTo(next);
                while (offered < calls && nextCall <= next) {
                    call();
                    offered++;
                    nextCall += spacing.toNanos();
                }
                settle(next);
            }
        }

        private void call() {
            client.rest().time().subscribe(time -> answered.incrementAndGet(), error -> {
                if (error instanceof RateLimitedException limited && limited.httpStatus() == 429) {
                    refusedByVenue.incrementAndGet();
                } else if (error instanceof RateLimitedException) {
                    refusedHere.incrementAndGet();
                } else {
                    otherErrors.add(error);
                }
            });
        }

        /**
         * Waits (in real time, for a state) until the clock stands at {@code at} with every timer due by then run,
         * and every request handed to the transport has been answered and its call ended: nothing is then in
         * flight that could read the clock after it moves.
         */
        private void settle(long at) {
            long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
            while (!(clock.now(TimeUnit.NANOSECONDS) == at && clock.ranTimersUntil(at)
                    && handedOver.get() == answered.get() + refusedByVenue.get() + otherErrors.size())) {
                if (System.nanoTime() > deadline) {
                    fail("the step to " + Instant.ofEpochSecond(0, at) + " did not settle within " + SETTLE_LIMIT
                            + ": " + state());
                }
                LockSupport.parkNanos(20_000);
            }
            if (!otherErrors.isEmpty()) {
                fail("calls ended by something else than an answer or a rate limit: " + otherErrors);
            }
        }

        private int ended() {
            return answered.get() + refusedHere.get() + refusedByVenue.get() + otherErrors.size();
        }

        /** When the venue recorded each call, in order. */
        List<Instant> arrivals() {
            return sim.server().requests("GET", TIME_PATH).stream().map(RecordedRequest::arrival).toList();
        }

        /** What the run saw, for a failure message. */
        String state() {
            return String.format("virtual clock at %s, next timer %s; handed over %d, answered %d, refused here %d,"
                    + " refused by the venue %d, other errors %s; venue's count %s; timers that failed: %s",
                    Instant.ofEpochSecond(0, clock.now(TimeUnit.NANOSECONDS)), clock.nextTimer(), handedOver.get(),
                    answered.get(), refusedHere.get(), refusedByVenue.get(), otherErrors,
                    sim.rateCount(BtseSimulator.Scope.QUERY), clock.failures());
        }

        @Override
        public void close() {
            try {
                client.closeGracefully().block(Duration.ofSeconds(10));
                resources.shutdown().block(Duration.ofSeconds(10));
            } finally {
                sim.close();
            }
        }
    }
}
