package io.exflux.reactive.internal.ratelimit;

import io.exflux.reactive.config.RateLimit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The token buckets of one client, by scope name ({@code public}, {@code private}, {@code wallet}, ...). The buckets
 * themselves may be shared with other clients (see {@link RateLimiters}). A scope without a configured limit is not
 * limited; it can still be paused by a 429 when a default is configured.
 */
public final class RateLimiter {

    /** Where a limiter's buckets live: its own map, or a registry shared by clients. */
    @FunctionalInterface
    public interface Buckets {
        /** The bucket of {@code scope}, created with {@code limit} on first use. */
        TokenBucket bucket(String scope, RateLimit limit);
    }

    private final Map<String, RateLimit> limits;
    private final RateLimit defaultLimit;
    private final Buckets buckets;
    /** The bucket each scope resolved to ({@link #UNLIMITED} for none): looked up for every call, found once. */
    private final ConcurrentMap<String, Object> resolved = new ConcurrentHashMap<>();
    private static final Object UNLIMITED = new Object();

    /**
     * A limiter with buckets of its own.
     *
     * @param limits       the limit of each named scope
     * @param defaultLimit the limit of any other scope, or {@code null} to leave other scopes unlimited
     * @param scheduler    the scheduler that times every wait
     */
    public RateLimiter(Map<String, RateLimit> limits, RateLimit defaultLimit, Scheduler scheduler) {
        this(limits, defaultLimit, ownBuckets(Objects.requireNonNull(scheduler, "scheduler")));
    }

    /**
     * A limiter whose buckets come from {@code buckets}.
     *
     * @param limits       the limit of each named scope
     * @param defaultLimit the limit of any other scope, or {@code null} to leave other scopes unlimited
     * @param buckets      where the buckets live
     */
    public RateLimiter(Map<String, RateLimit> limits, RateLimit defaultLimit, Buckets buckets) {
        this.limits = Map.copyOf(limits);
        this.defaultLimit = defaultLimit;
        this.buckets = Objects.requireNonNull(buckets, "buckets");
    }

    private static Buckets ownBuckets(Scheduler scheduler) {
        ConcurrentMap<String, TokenBucket> own = new ConcurrentHashMap<>();
        return (scope, limit) -> own.computeIfAbsent(scope, name -> new TokenBucket(name, limit, scheduler));
    }

    /** Completes once {@code weight} permits of {@code scope} are granted (at once when the scope is unlimited). */
    public Mono<Void> acquire(String scope, int weight) {
        TokenBucket bucket = bucket(scope);
        return bucket == null ? Mono.empty() : bucket.acquire(weight);
    }

    /**
     * As {@link #acquire(String, int)}, but a permit that would take more than {@code maxWait} is refused at once
     * with {@link PermitWaitTooLongException}; {@code null} waits as long as it takes.
     */
    public Mono<Void> acquire(String scope, int weight, Duration maxWait) {
        TokenBucket bucket = bucket(scope);
        return bucket == null ? Mono.empty() : bucket.acquire(weight, maxWait);
    }

    /**
     * Paces the departure of a request already granted its permits ({@link TokenBucket#depart(int)}), or
     * {@code null} when the scope is not limited.
     */
    public Mono<Void> departure(String scope, int weight) {
        TokenBucket bucket = bucket(scope);
        return bucket == null ? null : bucket.depart(weight);
    }

    /** Pauses {@code scope} for {@code duration} (the venue answered 429 with that {@code Retry-After}). */
    public void pause(String scope, Duration duration) {
        TokenBucket bucket = bucket(scope);
        if (bucket != null) {
            bucket.pauseFor(duration);
        }
    }

    /** The bucket of this scope, or {@code null} when the scope is not limited. */
    public TokenBucket bucket(String scope) {
        Objects.requireNonNull(scope, "scope");
        Object bucket = resolved.get(scope);
        if (bucket == null) {
            RateLimit limit = limits.getOrDefault(scope, defaultLimit);
            // a shared registry fixes a scope's bucket on first use, so remembering it changes nothing
            bucket = resolved.computeIfAbsent(scope, name -> limit == null ? UNLIMITED : buckets.bucket(name, limit));
        }
        return bucket == UNLIMITED ? null : (TokenBucket) bucket;
    }

    @Override
    public String toString() {
        return "RateLimiter[" + limits.keySet() + "]";
    }
}
