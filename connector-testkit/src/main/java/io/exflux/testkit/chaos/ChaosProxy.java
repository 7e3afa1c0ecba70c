package io.exflux.testkit.chaos;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.NettyInbound;
import reactor.netty.NettyOutbound;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;

/**
 * A TCP proxy on loopback in front of any server, with faults switched on and off at run time: cut, reset,
 * stall, half-frame, latency and bandwidth (see {@link ChaosFault}), on one connection
 * ({@link ChaosConnection#apply}) or on every open one ({@link #apply}); a {@link ChaosSchedule} applies them at
 * seeded random intervals. Every fault applied is recorded ({@link #events()}), so is every stall as it actually
 * happened ({@link #stalls()}: a half-frame stalls only once its bytes have gone), and {@link #stats()} counts
 * connections, bytes each way and faults by kind.
 *
 * <pre>{@code
 * try (AlpSimulator alp = AlpSimulator.start();
 *      ChaosProxy proxy = ChaosProxy.to("127.0.0.1", alp.port()).seed(42).start()) {
 *     String wsUrl = proxy.url(alp.websocketUrl());   // the same URL, through the proxy
 *     // ... connect a client to wsUrl, then:
 *     proxy.apply(ChaosFault.stall(Direction.SERVER_TO_CLIENT, Duration.ofSeconds(20)));
 * }
 * }</pre>
 *
 * <p>Built on reactor-netty's {@code TcpServer} and {@code TcpClient} on an event loop of its own (two threads),
 * released by {@link #close()}; it starts no other thread. Timers (timed stalls, latency, bandwidth, schedule
 * ticks) run on the {@link Scheduler} given to the builder, {@link Schedulers#parallel()} by default: give it a
 * {@code VirtualTimeScheduler} to drive them in virtual time. Forwarded bytes are copied out of Netty's buffers
 * on arrival, so no buffer is held across a delay.
 *
 * <p>A simulator serves REST and websocket on one port: put one proxy in front of each URL to fault and count
 * them apart ({@code restProxy.url(alp.restBaseUrl())}, {@code wsProxy.url(alp.websocketUrl())}).
 *
 * <p>{@link Builder#start()} and {@link #close()} bind and release the socket and the event loop and wait for it: call
 * them from a test thread. Everything else returns at once and is safe from any thread.
 */
public final class ChaosProxy implements AutoCloseable, Disposable {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosProxy.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final String BIND_HOST = "127.0.0.1";

    private final long seed;
    private final ChaosRecorder recorder;
    private final Timers timers;
    private final LoopResources loops;
    private final TcpClient upstream;
    private final DisposableServer server;
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentSkipListMap<Long, ChaosConnection> open = new ConcurrentSkipListMap<>();
    // latency and bandwidth set proxy-wide also hold for connections opened later
    private final List<ChaosFault> standing = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closing = new AtomicBoolean();

    private ChaosProxy(Builder builder) {
        this.seed = builder.seed;
        this.timers = new Timers(builder.scheduler);
        this.recorder = new ChaosRecorder(builder.scheduler);
        this.loops = LoopResources.create("exflux-chaos", 1, 2, true);
        InetSocketAddress target = new InetSocketAddress(builder.host, builder.port);
        this.upstream = TcpClient.newConnection().runOn(loops).remoteAddress(() -> target);
        try {
            this.server = TcpServer.create().runOn(loops).host(BIND_HOST).port(0)
                    .handle(this::accept)
                    .bindNow(STOP_TIMEOUT);
        } catch (RuntimeException bindFailed) {
            loops.disposeLater(Duration.ZERO, STOP_TIMEOUT).block(STOP_TIMEOUT);
            throw bindFailed;
        }
    }

    /** A builder for a proxy in front of {@code host:port}. */
    public static Builder to(String host, int port) {
        return new Builder(host, port);
    }

    /** A proxy in front of {@code host:port} with the defaults (seed 0, {@link Schedulers#parallel()}). */
    public static ChaosProxy start(String host, int port) {
        return to(host, port).start();
    }

    /** The loopback address clients connect to. */
    public String host() {
        return BIND_HOST;
    }

    /** The port clients connect to. */
    public int port() {
        return server.port();
    }

    /**
     * The given URL of the proxied server with its host and port replaced by the proxy's, e.g.
     * {@code ws://127.0.0.1:5000/ws} becomes {@code ws://127.0.0.1:<proxy port>/ws}.
     */
    public String url(String serverUrl) {
        URI uri = URI.create(serverUrl);
        StringBuilder url = new StringBuilder(uri.getScheme()).append("://").append(host()).append(':').append(port());
        if (uri.getRawPath() != null) {
            url.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            url.append('?').append(uri.getRawQuery());
        }
        return url.toString();
    }

    /** The scheduler its timers run on (and whose clock stamps the events). */
    public Scheduler scheduler() {
        return timers.scheduler();
    }

    /** The connections open now, oldest first. */
    public List<ChaosConnection> connections() {
        return List.copyOf(open.values());
    }

    /**
     * Applies the fault to every open connection now and records it once (connection id
     * {@link ChaosEvent#EVERY_CONNECTION}); latency and bandwidth also hold for connections opened later, until
     * they expire or {@link #heal()}.
     */
    public ChaosEvent apply(ChaosFault fault) {
        Objects.requireNonNull(fault, "fault");
        ChaosEvent event = recorder.fault(ChaosEvent.EVERY_CONNECTION, fault);
        LOG.debug("chaos: {}", event);
        if (fault instanceof ChaosFault.Latency || fault instanceof ChaosFault.Bandwidth) {
            standing.add(fault);
            if (fault.duration() != null) {
                timers.after(fault.duration(), () -> standing.remove(fault));
            }
        }
        open.values().forEach(connection -> connection.enact(fault));
        return event;
    }

    /** Ends every stall; what waited is forwarded in order. */
    public void resume() {
        open.values().forEach(ChaosConnection::resume);
    }

    /** Clears every fault on every connection and the proxy-wide latency and bandwidth. */
    public void heal() {
        standing.clear();
        open.values().forEach(ChaosConnection::heal);
    }

    /** Every fault applied so far, in order (the last 100,000 of them). */
    public List<ChaosEvent> events() {
        return recorder.events();
    }

    /**
     * Every stall as it happened (the last 100,000), in the order they started: one record per direction that
     * stopped, stamped when forwarding actually stopped and when it flowed again.
     */
    public List<ChaosStall> stalls() {
        return recorder.stalls();
    }

    /** The counters now. */
    public ChaosStats stats() {
        return recorder.stats();
    }

    ChaosRecorder recorder() {
        return recorder;
    }

    Timers timers() {
        return timers;
    }

    private Publisher<Void> accept(NettyInbound in, NettyOutbound out) {
        Connection[] client = new Connection[1];
        in.withConnection(connection -> client[0] = connection);
        long id = ids.incrementAndGet();
        // each connection draws its jitter from its own stream of the seed (golden-ratio spread over the ids)
        ChaosConnection connection = new ChaosConnection(id, client[0], timers, recorder,
                new SplittableRandom(seed ^ (id * 0x9E3779B97F4A7C15L)), this::forget);
        recorder.opened();
        open.put(id, connection);
        if (closing.get()) {
            connection.close(false);
            return Mono.empty();
        }
        standing.forEach(connection::enact);
        return connection.run(upstream, in, out);
    }

    private void forget(ChaosConnection connection) {
        if (open.remove(connection.id()) != null) {
            recorder.closed();
        }
    }

    /** Cancels pending timers, closes every connection, unbinds and releases the event loop; waits for it. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        timers.dispose();
        open.values().forEach(connection -> connection.close(false));
        try {
            server.disposeNow(STOP_TIMEOUT);
        } finally {
            loops.disposeLater(Duration.ZERO, STOP_TIMEOUT).block(STOP_TIMEOUT);
        }
    }

    /** The same as {@link #close()}. */
    @Override
    public void dispose() {
        close();
    }

    @Override
    public boolean isDisposed() {
        return closing.get();
    }

    @Override
    public String toString() {
        return "ChaosProxy[" + host() + ":" + port() + "]";
    }

    /** Settings of a {@link ChaosProxy}. */
    public static final class Builder {

        private final String host;
        private final int port;
        private Scheduler scheduler = Schedulers.parallel();
        private long seed;

        private Builder(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            if (port <= 0 || port > 65_535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
        }

        /** The scheduler for timers and the event clock; {@link Schedulers#parallel()} by default. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The seed of latency jitter (each connection draws from its own stream of it); 0 by default. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Binds the proxy on 127.0.0.1 and an ephemeral port; waits for it. */
        public ChaosProxy start() {
            return new ChaosProxy(this);
        }
    }
}
