package io.exflux.benchmarks;

import io.exflux.reactive.venue.alp.AlpExchangeClient;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.Disposable;

/**
 * Trades/s from a loopback websocket that sends ALP {@code t} frames as fast as the socket takes them
 * ({@link AlpTradeServer}): exflux's {@code watchTrades} (ALP dialect, topic routing, gap filler, unified
 * {@code Trade} to the subscriber) versus a bare reactor-netty client decoding the same frames with Jackson.
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -jar benchmarks/target/benchmarks.jar TradeStream}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TradeStreamBenchmark {

    /** Trades awaited per invocation. */
    static final int TRADES = 50_000;

    /** Counts trades; the benchmark thread parks while it waits (two cores: no spinning). */
    abstract static class Counting {
        final AtomicLong trades = new AtomicLong();
        AlpTradeServer server;

        void count(Object trade) {
            trades.lazySet(trades.get() + 1);
        }

        void awaitMore(long count) {
            long target = trades.get() + count;
            while (trades.get() < target) {
                LockSupport.parkNanos(20_000);
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Exflux extends Counting {
        AlpExchangeClient client;
        final Disposable[] subscription = new Disposable[1];

        @Setup(Level.Trial)
        public void connect() {
            server = new AlpTradeServer(0);
            client = TradeClients.exflux(server, this::count, subscription);
            awaitMore(1);
        }

        @TearDown(Level.Trial)
        public void close() {
            TradeClients.close(client, subscription[0]);
            server.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Bare extends Counting {
        Disposable connection;

        @Setup(Level.Trial)
        public void connect() {
            server = new AlpTradeServer(0);
            connection = TradeClients.bare(server, this::count);
            awaitMore(1);
        }

        @TearDown(Level.Trial)
        public void close() {
            connection.dispose();
            server.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(TRADES)
    public void exfluxWatchTrades(Exflux exflux) {
        exflux.awaitMore(TRADES);
    }

    @Benchmark
    @OperationsPerInvocation(TRADES)
    public void bareReactorNettyJackson(Bare bare) {
        bare.awaitMore(TRADES);
    }
}
