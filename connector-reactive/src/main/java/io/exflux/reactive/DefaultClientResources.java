package io.exflux.reactive;

import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.HttpOptions;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.internal.auth.NonceSource;
import io.exflux.reactive.internal.auth.NonceSources;
import io.exflux.reactive.internal.metrics.EngineMetrics;
import io.exflux.reactive.internal.metrics.MicrometerBinding;
import io.exflux.reactive.internal.ratelimit.RateLimiter;
import io.exflux.reactive.internal.ratelimit.RateLimiters;
import io.exflux.reactive.internal.resources.DeadlineTimer;
import io.exflux.reactive.internal.resources.SchedulerClock;
import io.exflux.reactive.internal.resources.SharedResources;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/** {@link ClientResources} as built by its builder; closes only what it created. */
final class DefaultClientResources implements SharedResources {

    private static final Duration LOOPS_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final LoopResources loops;
    private final boolean ownLoops;
    private final ConnectionProvider provider;
    private final boolean ownProvider;
    private final Scheduler scheduler;
    private final Clock clock;
    private final DeadlineTimer deadlineTimer;
    private final Backoff reconnectBackoff;
    private final UnaryOperator<HttpClient> customizer;
    private final RateLimiters rateLimiters;
    private final NonceSources nonceSources;
    private final EngineMetrics metrics;
    /** reactor-netty's gauges of each pool of the created provider (one pool per remote address). */
    private final Map<String, Pool> pools = new ConcurrentHashMap<>();
    private final AtomicBoolean shutdown = new AtomicBoolean();
    private final Mono<Void> closing;

    DefaultClientResources(ClientResources.Builder b) {
        this.ownLoops = b.loopResources == null;
        this.loops = ownLoops ? LoopResources.create("exflux", LoopResources.DEFAULT_IO_WORKER_COUNT, true)
                : b.loopResources;
        this.ownProvider = b.connectionProvider == null;
        this.provider = ownProvider ? pool(b.pool) : b.connectionProvider;
        this.scheduler = b.scheduler;
        this.clock = new SchedulerClock(scheduler);
        this.deadlineTimer = DeadlineTimer.forScheduler(scheduler);
        this.reconnectBackoff = b.reconnectBackoff;
        this.customizer = b.httpClientCustomizer;
        this.rateLimiters = new RateLimiters(scheduler);
        this.nonceSources = new NonceSources(clock);
        this.metrics = metrics(b, clock);
        Mono<Void> providerClosed = ownProvider ? provider.disposeLater() : Mono.empty();
        // No quiet period: the pool is closed first, so no connection can hand the loops new work; Netty's
        // default of two seconds would only make every shutdown two seconds longer.
        Mono<Void> loopsClosed = ownLoops ? loops.disposeLater(Duration.ZERO, LOOPS_SHUTDOWN_TIMEOUT) : Mono.empty();
        // the pool first: its connections live on the loops
        this.closing = providerClosed.then(loopsClosed).cache();
    }

    /** Micrometer's classes are touched only on the branches where the caller gave a registry. */
    private static EngineMetrics metrics(ClientResources.Builder b, Clock clock) {
        if (b.meterRegistry == null && b.observationRegistry == null) {
            return EngineMetrics.NONE;
        }
        if (b.observationRegistry == null) {
            return MicrometerBinding.meters(b.meterRegistry, clock);
        }
        if (b.meterRegistry == null) {
            return MicrometerBinding.observations(b.observationRegistry);
        }
        return MicrometerBinding.both(MicrometerBinding.meters(b.meterRegistry, clock),
                MicrometerBinding.observations(b.observationRegistry));
    }

    @Override
    public EngineMetrics metrics() {
        return metrics;
    }

    private ConnectionProvider pool(HttpOptions settings) {
        return ConnectionProvider.builder("exflux")
                .maxConnections(settings.maxConnections())
                .pendingAcquireTimeout(settings.pendingAcquireTimeout())
                .maxIdleTime(settings.maxIdleTime())
                .metrics(true, PoolGauges::new)
                .build();
    }

    @Override
    public LoopResources loopResources() {
        return loops;
    }

    @Override
    public ConnectionProvider connectionProvider() {
        return provider;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public DeadlineTimer deadlineTimer() {
        return deadlineTimer;
    }

    @Override
    public Backoff reconnectBackoff() {
        return reconnectBackoff;
    }

    @Override
    public UnaryOperator<HttpClient> httpClientCustomizer() {
        return customizer;
    }

    @Override
    public Mono<Void> shutdown() {
        shutdown.set(true);
        return closing;
    }

    @Override
    public boolean isShutdown() {
        return shutdown.get();
    }

    @Override
    public RateLimiter rateLimiter(String venue, String apiKey, Map<String, RateLimit> limits,
                                   RateLimit defaultLimit) {
        return rateLimiters.forClient(venue, apiKey, limits, defaultLimit);
    }

    @Override
    public NonceSource nonceSource(String venue, String apiKey) {
        return nonceSources.forKey(venue + "\u0000" + apiKey);
    }

    @Override
    public HttpClient restHttpClient() {
        return customizer.apply(HttpClient.create(provider).runOn(loops));
    }

    @Override
    public HttpClient websocketHttpClient() {
        return customizer.apply(HttpClient.newConnection().runOn(loops));
    }

    @Override
    public int allocatedConnections(String host, int port) {
        return sum(pool -> pool.is(host, port), ConnectionPoolMetrics::allocatedSize);
    }

    @Override
    public int acquiredConnections(String host, int port) {
        return sum(pool -> pool.is(host, port), ConnectionPoolMetrics::acquiredSize);
    }

    @Override
    public int allocatedConnections() {
        return sum(pool -> true, ConnectionPoolMetrics::allocatedSize);
    }

    private int sum(Predicate<Pool> which, ToIntFunction<ConnectionPoolMetrics> gauge) {
        return pools.values().stream().filter(which).mapToInt(pool -> gauge.applyAsInt(pool.metrics())).sum();
    }

    @Override
    public String toString() {
        return "ClientResources[loops=" + (ownLoops ? "own" : "given") + ", pool=" + (ownProvider ? "own" : "given")
                + ", scheduler=" + scheduler + ", reconnectBackoff=" + reconnectBackoff + ", " + rateLimiters
                + (isShutdown() ? ", shut down" : "") + "]";
    }

    private record Pool(SocketAddress address, ConnectionPoolMetrics metrics) {
        boolean is(String host, int port) {
            return address instanceof InetSocketAddress inet && inet.getPort() == port
                    && inet.getHostString().equalsIgnoreCase(host);
        }
    }

    /** Keeps reactor-netty's pool gauges (no Micrometer needed) so clients can report their connections. */
    private final class PoolGauges implements ConnectionProvider.MeterRegistrar {
        @Override
        public void registerMetrics(String poolName, String id, SocketAddress remoteAddress,
                                    ConnectionPoolMetrics metrics) {
            pools.put(id, new Pool(remoteAddress, metrics));
        }

        @Override
        public void deRegisterMetrics(String poolName, String id, SocketAddress remoteAddress) {
            pools.remove(id);
        }
    }
}
