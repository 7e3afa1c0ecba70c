package io.exflux.reactive.internal.ratelimit;

import io.exflux.reactive.config.RateLimit;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import reactor.core.scheduler.Scheduler;

/**
 * Every token bucket of a {@code ClientResources}, keyed by venue, API key and scope, so that clients on one key
 * share one limit: a public scope ({@link RateLimit#isPublicScope}) by venue only, every other scope by venue and
 * key. The first client to use a bucket fixes its limit.
 */
public final class RateLimiters {

    private final Scheduler scheduler;
    private final ConcurrentMap<Key, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** Buckets timed by this scheduler. */
    public RateLimiters(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** The limiter of one client; see {@link RateLimiter#RateLimiter(Map, RateLimit, RateLimiter.Buckets)}. */
    public RateLimiter forClient(String venue, String apiKey, Map<String, RateLimit> limits, RateLimit defaultLimit) {
        Objects.requireNonNull(venue, "venue");
        return new RateLimiter(limits, defaultLimit, (scope, limit) -> buckets.computeIfAbsent(
                new Key(venue, RateLimit.isPublicScope(scope) || apiKey == null ? "" : apiKey, scope),
                key -> new TokenBucket(scope, limit, scheduler)));
    }

    @Override
    public String toString() {
        return "RateLimiters[" + buckets.size() + " buckets]";
    }

    /** The API key is part of the key only; it never reaches a name or a message. */
    private record Key(String venue, String apiKey, String scope) {
        @Override
        public String toString() {
            return venue + "/" + scope;
        }
    }
}
