package io.exflux.benchmarks;

import io.exflux.reactive.venue.alp.AlpExchangeClient;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.Disposable;

/**
 * Latency from the loopback server making a trade frame ({@link AlpTradeServer} stamps it with
 * {@code System.nanoTime()}) to {@code onNext} at the subscriber, at fixed rates, for exflux's
 * {@code watchTrades} and for the bare reactor-netty + Jackson client; p50, p99 and p99.9 from HdrHistogram.
 * Not a JMH benchmark: a fixed arrival rate and a histogram are what this question needs.
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.exflux.benchmarks.TradeLatency
 * [seconds]}: per rate and client, as many seconds of warm-up, then as many measured (default 5).
 */
public final class TradeLatency {

    private static final int[] RATES = {50_000, 200_000};

    private TradeLatency() {
    }

    public static void main(String[] args) {
        Duration period = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
        System.out.printf(Locale.ROOT, "%-8s %-10s %10s %10s %10s %10s %12s%n", "rate/s", "client", "p50 us",
                "p99 us", "p99.9 us", "max us", "received/s");
        for (int rate : RATES) {
            for (String client : new String[] {"exflux", "bare"}) {
                try (AlpTradeServer server = new AlpTradeServer(rate)) {
                    Recorder recorder = new Recorder(3);
                    Runnable close = connect(client, server, recorder);
                    try {
                        sleep(period); // warm-up
                        recorder.getIntervalHistogram();
                        sleep(period);
                        Histogram histogram = recorder.getIntervalHistogram();
                        System.out.printf(Locale.ROOT, "%-8d %-10s %10.1f %10.1f %10.1f %10.1f %12.0f%n", rate, client,
                                micros(histogram.getValueAtPercentile(50)), micros(histogram.getValueAtPercentile(99)),
                                micros(histogram.getValueAtPercentile(99.9)), micros(histogram.getMaxValue()),
                                histogram.getTotalCount() / (period.toNanos() / 1e9));
                    } finally {
                        close.run();
                    }
                }
            }
        }
        System.exit(0); // the clients' event loops are daemon-less: do not wait for them to linger
    }

    private static Runnable connect(String client, AlpTradeServer server, Recorder recorder) {
        if (client.equals("exflux")) {
            Disposable[] subscription = new Disposable[1];
            AlpExchangeClient exflux = TradeClients.exflux(server,
                    trade -> record(recorder, System.nanoTime(), Long.parseLong(trade.id())), subscription);
            return () -> TradeClients.close(exflux, subscription[0]);
        }
        Disposable bare = TradeClients.bare(server, trade -> record(recorder, System.nanoTime(), trade.id()));
        return bare::dispose;
    }

    /** {@code now} is read before the text id is parsed: parsing it is the harness's work, not the client's. */
    private static void record(Recorder recorder, long now, long madeAt) {
        recorder.recordValue(Math.max(0, now - madeAt));
    }

    private static double micros(long nanos) {
        return nanos / 1_000.0;
    }

    private static void sleep(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            LockSupport.parkNanos(until - System.nanoTime());
        }
    }
}
