package io.exflux.benchmarks;

import io.exflux.api.stream.OverflowPolicy;
import io.exflux.reactive.internal.ws.FrameSink;
import io.exflux.reactive.internal.ws.HeartbeatStrategy;
import io.exflux.reactive.internal.ws.Heartbeats;
import io.exflux.reactive.internal.ws.StreamEndpoint;
import io.exflux.reactive.internal.ws.StreamDialect;
import io.exflux.reactive.config.StreamOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * Inbound websocket frames per second from a loopback server that sends small text frames as fast as
 * the socket takes them: through {@link StreamEndpoint} (text decode, venue decode, routing, topic
 * multicast, overflow stage, one subscriber) versus a bare reactor-netty websocket client that only
 * counts frames. Both run in the same JVM on the same server; the score is frames/s.
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -jar benchmarks/target/benchmarks.jar StreamThroughput}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class StreamThroughputBenchmark {

    /** Frames awaited per benchmark invocation. */
    static final int FRAMES = 50_000;
    /** A small market-data frame, about the size of an ALP trade. */
    static final String FRAME = "a|[\"t\",1694003848,293107798,\"BTC_USDT\",\"0.20285052\",\"25705.02\",\"buy\"]";

    /** The loopback server: every websocket session gets an endless stream of {@link #FRAME}. */
    @State(Scope.Benchmark)
    public static class Server {
        DisposableServer server;

        @Setup(Level.Trial)
        public void start() {
            server = HttpServer.create().host("127.0.0.1").port(0)
                    .route(routes -> routes.ws("/ws", (in, out) -> out.sendString(
                            Flux.<String>generate(sink -> sink.next(FRAME)))))
                    .bindNow();
        }

        @TearDown(Level.Trial)
        public void stop() {
            server.disposeNow();
        }

        URI uri() {
            return URI.create("ws://127.0.0.1:" + server.port() + "/ws");
        }
    }

    /** Counts frames; {@link #awaitMore} parks the benchmark thread instead of spinning on a 2-core box. */
    abstract static class Counting {
        final AtomicLong frames = new AtomicLong();

        void awaitMore(long count) {
            long target = frames.get() + count;
            while (frames.get() < target) {
                LockSupport.parkNanos(20_000);
            }
        }
    }

    /** A bare reactor-netty websocket client that counts frames and does nothing else. */
    @State(Scope.Benchmark)
    public static class Bare extends Counting {
        Disposable connection;

        @Setup(Level.Trial)
        public void connect(Server server) {
            connection = HttpClient.newConnection()
                    .websocket()
                    .uri(server.uri())
                    .handle((in, out) -> in.receiveFrames().doOnNext(frame -> frames.lazySet(frames.get() + 1)))
                    .subscribe();
            awaitMore(1);
        }

        @TearDown(Level.Trial)
        public void close() {
            connection.dispose();
        }
    }

    /** {@link StreamEndpoint} with a minimal dialect and one subscriber of the one topic. */
    @State(Scope.Benchmark)
    public static class Engine extends Counting {
        StreamEndpoint<String> stream;
        Disposable subscriber;

        @Setup(Level.Trial)
        public void connect(Server server) {
            stream = StreamEndpoint.create(server.uri(), new MinimalDialect(), StreamOptions.defaults());
            subscriber = stream.topic("a", OverflowPolicy.bufferThenFail(4096))
                    .subscribe(message -> frames.lazySet(frames.get() + 1));
            awaitMore(1);
        }

        @TearDown(Level.Trial)
        public void close() {
            subscriber.dispose();
            stream.close().block(Duration.ofSeconds(10));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void bareReactorNetty(Bare bare) {
        bare.awaitMore(FRAMES);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void streamConnection(Engine engine) {
        engine.awaitMore(FRAMES);
    }

    /** {@code topic|payload}: the payload string is the message. */
    static final class MinimalDialect implements StreamDialect<String> {
        private static final HeartbeatStrategy NONE = Heartbeats.none();

        @Override
        public void decode(String frame, FrameSink<String> sink) {
            int bar = frame.indexOf('|');
            if (bar < 0) {
                sink.control(frame);
            } else {
                sink.next(frame, frame.substring(0, bar));
            }
        }

        @Override
        public List<String> subscribeFrames(List<String> topics) {
            return List.of("sub:" + String.join(",", topics));
        }

        @Override
        public List<String> unsubscribeFrames(List<String> topics) {
            return List.of("unsub:" + String.join(",", topics));
        }

        @Override
        public HeartbeatStrategy heartbeat() {
            return NONE;
        }
    }
}
