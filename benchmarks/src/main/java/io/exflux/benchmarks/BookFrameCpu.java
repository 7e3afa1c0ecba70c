package io.exflux.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link BookFrameBenchmark}'s routes measured in CPU time of the running thread per frame, which other processes on
 * a loaded machine disturb far less than JMH's wall-clock throughput: each round resets the books (not measured),
 * then runs each route over the 32,768 frames; the best round of each route is printed, in ns per frame, with its
 * ratio to XChange's. Not a JMH benchmark: a driver for figures on a busy machine.
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.exflux.benchmarks.BookFrameCpu [rounds]}
 */
public final class BookFrameCpu {

    private interface Route {
        int run(BookFrameBenchmark benchmark) throws IOException;
    }

    private BookFrameCpu() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Route> routes = new LinkedHashMap<>();
        routes.put("exfluxWatch", BookFrameBenchmark::exfluxWatch);
        routes.put("exfluxScaled", BookFrameBenchmark::exfluxScaled);
        routes.put("exflux", BookFrameBenchmark::exflux);
        routes.put("xchange", BookFrameBenchmark::xchange);
        for (int levels : new int[] {500, 5000}) {
            BookFrameBenchmark benchmark = new BookFrameBenchmark();
            benchmark.levels = levels;
            benchmark.build(); // fails unless every route leaves the stream's book
            Map<String, Long> best = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, Route> route : routes.entrySet()) {
                    benchmark.resetBooks();
                    long start = threads.getCurrentThreadCpuTime();
                    route.getValue().run(benchmark);
                    long spent = threads.getCurrentThreadCpuTime() - start;
                    best.merge(route.getKey(), spent, Math::min);
                }
            }
            double xchange = best.get("xchange") / (double) BookFrameBenchmark.FRAMES;
            for (Map.Entry<String, Long> route : best.entrySet()) {
                double perFrame = route.getValue() / (double) BookFrameBenchmark.FRAMES;
                System.out.printf("%5d levels  %-13s %8.1f ns/frame  %5.1fx XChange%n", levels, route.getKey(), perFrame,
                        xchange / perFrame);
            }
        }
    }
}
