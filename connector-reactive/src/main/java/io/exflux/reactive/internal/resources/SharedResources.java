package io.exflux.reactive.internal.resources;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.internal.auth.NonceSource;
import io.exflux.reactive.internal.metrics.EngineMetrics;
import io.exflux.reactive.internal.ratelimit.RateLimiter;
import java.util.Map;
import reactor.netty.http.client.HttpClient;

/**
 * The engine's side of {@link ClientResources}: what the clients share that is not public API (rate limiters and
 * nonce sources by API key, pool gauges, ready-made HTTP clients).
 */
public interface SharedResources extends ClientResources {

    /** The engine view of resources built by {@link ClientResources#builder()}. */
    static SharedResources of(ClientResources resources) {
        if (resources instanceof SharedResources shared) {
            return shared;
        }
        throw new IllegalArgumentException("ClientResources must come from ClientResources.create() or builder(): "
                + resources);
    }

    /**
     * The rate limiter of one client: public scopes ({@link RateLimit#isPublicScope}) are counted per venue, every
     * other scope per venue and API key, across every client of these resources. The first client to use a bucket
     * fixes its limit.
     *
     * @param venue        the venue id
     * @param apiKey       the client's API key, or {@code null} without credentials
     * @param limits       the limit of each named scope
     * @param defaultLimit the limit of other scopes, or {@code null} to leave them unlimited
     */
    RateLimiter rateLimiter(String venue, String apiKey, Map<String, RateLimit> limits, RateLimit defaultLimit);

    /** The nonce sequence of one API key of one venue, shared by every client of these resources. */
    NonceSource nonceSource(String venue, String apiKey);

    /** Where the engine reports its work: meters and observations, or nothing without a registry. */
    EngineMetrics metrics();

    /**
     * The timer of deadlines that almost never fire (every REST attempt's): cheap to arm and disarm, on
     * {@link #scheduler()}'s time (see {@link DeadlineTimer#forScheduler}).
     */
    DeadlineTimer deadlineTimer();

    /** A pooled HTTP client for REST calls: the shared pool and loops, the customizer applied. */
    HttpClient restHttpClient();

    /** An unpooled HTTP client for websockets (each holds its connection for life): the shared loops, customized. */
    HttpClient websocketHttpClient();

    /** Connections the created pool holds to {@code host:port}, in use or idle (0 for a caller's pool). */
    int allocatedConnections(String host, int port);

    /** Connections of the created pool to {@code host:port} in use by a request right now (0 for a caller's pool). */
    int acquiredConnections(String host, int port);

    /** Connections the created pool holds to any host (0 for a caller's pool). */
    int allocatedConnections();
}
