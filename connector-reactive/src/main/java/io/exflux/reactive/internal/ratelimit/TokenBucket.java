package io.exflux.reactive.internal.ratelimit;

import io.exflux.reactive.config.RateLimit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The rate limit of one scope: a weight-aware token bucket, lock-free, kept as a single "theoretical arrival time"
 * (GCRA): a permit of weight {@code w} is granted at {@code max(tat, now) + w * cost - burst * cost}, and the
 * bucket's {@code tat} moves to {@code max(tat, now) + w * cost} by compare-and-set. Waiting is
 * {@link Mono#delaySubscription(Duration, Scheduler)} on the injected scheduler, whose clock is the bucket's clock,
 * so virtual time drives it in tests.
 *
 * <p>A permit granted is not yet a request arrived: one granted early may wait for a new connection while one
 * granted later finds a free one, and both arrive together. So {@link #depart(int)} paces the departures too, on a
 * second timeline of the same limit, taken as late as possible (the connection ready, the request about to be
 * written): what leaves never puts more than the limit into any window, whatever the connections did. Permits
 * already spaced pass it at once; it delays only requests that bunched up after their permits.
 *
 * <p>A waiter cancelled before its turn gives its reservation back; a waiter whose turn would come past its
 * {@code maxWait} is refused at once and reserves nothing. {@link #pauseFor(Duration)} (a 429) moves the
 * whole scope behind the pause: waiters that wake inside it queue again behind it, so the pause does not end in a
 * burst.
 */
public final class TokenBucket {

    private final String scope;
    private final RateLimit limit;
    private final Scheduler scheduler;
    private final long cost;
    private final long tolerance;
    private final AtomicLong theoreticalArrival;
    private final AtomicLong pausedUntil;
    /** The theoretical arrival time of the departures (see {@link #depart(int)}). */
    private final AtomicLong theoreticalDeparture;

    /** A bucket for {@code scope} with this limit, timed by {@code scheduler}. */
    public TokenBucket(String scope, RateLimit limit, Scheduler scheduler) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.cost = limit.nanosPerPermit();
        this.tolerance = cost * limit.burst();
        long now = now();
        this.theoreticalArrival = new AtomicLong(now);
        this.pausedUntil = new AtomicLong(now);
        this.theoreticalDeparture = new AtomicLong(now);
    }

    /** The scope's name. */
    public String scope() {
        return scope;
    }

    /** The limit. */
    public RateLimit limit() {
        return limit;
    }

    /**
     * A Mono that completes once {@code weight} permits are granted; nothing is reserved until it is subscribed,
     * and cancelling it before it completes gives the reservation back. It waits as long as it takes.
     */
    public Mono<Void> acquire(int weight) {
        return acquire(weight, null);
    }

    /**
     * As {@link #acquire(int)}, but a permit that would come more than {@code maxWait} after the subscription (a
     * 429 pause included) is refused at once with {@link PermitWaitTooLongException}, taking no reservation;
     * {@code null} waits as long as it takes.
     */
    public Mono<Void> acquire(int weight, Duration maxWait) {
        if (weight < 1) {
            return Mono.error(new IllegalArgumentException("weight must be at least 1: " + weight));
        }
        return Mono.defer(() -> {
            long now = now();
            long deadline = maxWait == null || maxWait.toNanos() > Long.MAX_VALUE - now ? Long.MAX_VALUE
                    : now + maxWait.toNanos();
            return waitForTurn(weight, deadline, maxWait);
        });
    }

    /**
     * Completes when a request of this weight, already granted its permits by {@link #acquire}, may leave now: at
     * once unless the requests that left just before it would put more than the limit into a window, else after
     * the wait that spaces them (on the bucket's scheduler; cancelling before then gives the slot back). Its wait
     * is bounded by the requests granted before it, never by the callers queued behind them, so it has no
     * {@code maxWait}. Nothing happens until subscribed.
     */
    public Mono<Void> depart(int weight) {
        return Mono.defer(() -> {
            long now = now();
            long delta = cost * Math.max(1, weight);
            long previous = theoreticalDeparture.getAndAccumulate(delta, (tat, d) -> Math.max(tat, now) + d);
            long wait = Math.max(previous, now) + delta - tolerance - now;
            if (wait <= 0) {
                return Mono.empty();
            }
            AtomicBoolean left = new AtomicBoolean();
            return Mono.<Void>empty()
                    .delaySubscription(Duration.ofNanos(wait), scheduler)
                    .doOnSuccess(ignored -> left.set(true))
                    .doOnCancel(() -> {
                        if (left.compareAndSet(false, true)) {
                            theoreticalDeparture.addAndGet(-delta);
                        }
                    });
        });
    }

    /** Stops granting permits in this scope for {@code duration} from now (the venue answered 429). */
    public void pauseFor(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        long until = now() + duration.toNanos();
        pausedUntil.accumulateAndGet(until, Math::max);
        // the first reservation after the pause is granted at its end; the rest follow at the normal pace
        theoreticalArrival.accumulateAndGet(until + tolerance - cost, Math::max);
    }

    /** How long a permit of weight 1 requested now would wait (for diagnostics and tests). */
    public Duration currentWait() {
        long now = now();
        long grant = Math.max(Math.max(theoreticalArrival.get(), now) + cost - tolerance, pausedUntil.get());
        return Duration.ofNanos(Math.max(0, grant - now));
    }

    private Mono<Void> waitForTurn(int weight, long deadline, Duration maxWait) {
        long now = now();
        long delta = cost * weight;
        long previous = theoreticalArrival.getAndAccumulate(delta, (tat, d) -> Math.max(tat, now) + d);
        long grantAt = Math.max(previous, now) + delta - tolerance;
        long wait = grantAt - now;
        if (grantAt > deadline) {
            // refused, not queued: give the slot back so the callers behind do not wait for it
            theoreticalArrival.addAndGet(-delta);
            return Mono.error(new PermitWaitTooLongException(scope, Duration.ofNanos(wait), maxWait));
        }
        if (wait <= 0) {
            return afterPause(weight, deadline, maxWait);
        }
        AtomicBoolean granted = new AtomicBoolean();
        return Mono.<Void>empty()
                .delaySubscription(Duration.ofNanos(wait), scheduler)
                .doOnSuccess(ignored -> granted.set(true))
                .doOnCancel(() -> {
                    if (granted.compareAndSet(false, true)) {
                        theoreticalArrival.addAndGet(-delta);
                    }
                })
                .then(Mono.defer(() -> afterPause(weight, deadline, maxWait)));
    }

    private Mono<Void> afterPause(int weight, long deadline, Duration maxWait) {
        // a waiter that wakes inside a 429 pause queues again: its old slot lies in the past and is simply spent
        return now() < pausedUntil.get() ? waitForTurn(weight, deadline, maxWait) : Mono.empty();
    }

    private long now() {
        return scheduler.now(TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "TokenBucket[" + scope + ", " + limit.permits() + " per " + limit.period() + "]";
    }
}
