package io.exflux.benchmarks;

import com.sun.management.ThreadMXBean;
import io.exflux.reactive.venue.alp.AlpExchangeClient;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import reactor.core.Disposable;

/**
 * {@link TradeStreamBenchmark}'s two clients in alternating rounds, each measured per trade: wall time, CPU time and
 * bytes allocated by the client's threads (every Java thread but the server's loop), and the server's CPU time. On a
 * loaded machine the wall-clock rate swings with the other processes; the client's CPU time and bytes per trade hardly
 * do, so their ratio is the steadier figure. Not a JMH benchmark: a driver for figures on a busy machine.
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.exflux.benchmarks.TradeStreamCpu
 * [rounds] [trades] [exflux|bare]} (defaults 5 rounds of 500,000 trades, after a warm-up round, both clients; naming
 * one client runs that one alone, e.g. under a profiler).
 */
public final class TradeStreamCpu {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private TradeStreamCpu() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int trades = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
        String only = args.length > 2 ? args[2] : "";
        List<Cost> exflux = new ArrayList<>();
        List<Cost> bare = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            Cost e = only.equals("bare") ? Cost.NONE : measure(true, trades);
            Cost b = only.equals("exflux") ? Cost.NONE : measure(false, trades);
            System.out.printf(Locale.ROOT, "%s load %4.1f: exflux %s | bare %s | client CPU ratio %.2f%n",
                    round == 0 ? "warm-up" : "round " + round, ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage(), e, b, b.clientCpuNanos / e.clientCpuNanos);
            if (round > 0) {
                exflux.add(e);
                bare.add(b);
            }
        }
        Cost e = median(exflux);
        Cost b = median(bare);
        System.out.printf(Locale.ROOT, "median: exflux %s | bare %s%n", e, b);
        System.out.printf(Locale.ROOT, "exflux/bare: rate %.2f, client CPU per trade %.2f (bare/exflux)%n",
                e.perSecond() / b.perSecond(), b.clientCpuNanos / e.clientCpuNanos);
        System.exit(0);
    }

    /** One round of one client: connect, let 100,000 trades pass, then measure {@code trades}. */
    private static Cost measure(boolean exflux, int trades) {
        AtomicLong received = new AtomicLong();
        try (AlpTradeServer server = new AlpTradeServer(0)) {
            Disposable[] subscription = new Disposable[1];
            AlpExchangeClient client = null;
            Disposable bare = null;
            if (exflux) {
                client = TradeClients.exflux(server, trade -> received.lazySet(received.get() + 1), subscription);
            } else {
                bare = TradeClients.bare(server, trade -> received.lazySet(received.get() + 1));
            }
            try {
                await(received, 100_000);
                long[] before = sample();
                long start = received.get();
                long wall = System.nanoTime();
                await(received, start + trades);
                wall = System.nanoTime() - wall;
                long[] after = sample();
                double count = received.get() - start;
                return new Cost(count * 1e9 / wall, (after[0] - before[0]) / count, (after[1] - before[1]) / count,
                        (after[2] - before[2]) / count);
            } finally {
                if (client != null) {
                    TradeClients.close(client, subscription[0]);
                } else {
                    bare.dispose();
                }
            }
        }
    }

    private static void await(AtomicLong received, long target) {
        while (received.get() < target) {
            LockSupport.parkNanos(100_000);
        }
    }

    /** CPU ns of the client's threads, bytes they allocated, CPU ns of the server's thread. */
    private static long[] sample() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        long clientCpu = 0;
        long clientBytes = 0;
        long serverCpu = 0;
        for (int i = 0; i < ids.length; i++) {
            java.lang.management.ThreadInfo info = THREADS.getThreadInfo(ids[i]);
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            if (info == null || cpu < 0) {
                continue;
            }
            if (info.getThreadName().startsWith(AlpTradeServer.THREAD_PREFIX)) {
                serverCpu += cpu;
            } else {
                clientCpu += cpu;
                clientBytes += Math.max(0, bytes[i]);
            }
        }
        return new long[] {clientCpu, clientBytes, serverCpu};
    }

    private static Cost median(List<Cost> costs) {
        List<Cost> sorted = new ArrayList<>(costs);
        Collections.sort(sorted, (x, y) -> Double.compare(x.clientCpuNanos, y.clientCpuNanos));
        return sorted.get(sorted.size() / 2);
    }

    /** Per trade, of one round. */
    private record Cost(double perSecond, double clientCpuNanos, double clientBytes, double serverCpuNanos) {

        /** The client not run. */
        static final Cost NONE = new Cost(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%7.0f k/s, client %6.0f ns CPU %5.0f B, server %5.0f ns CPU",
                    perSecond / 1e3, clientCpuNanos, clientBytes, serverCpuNanos);
        }
    }
}
