package io.exflux.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link DecodeBenchmark}'s ALP routes in CPU time of the running thread per frame, steadier than JMH's wall clock on a
 * loaded machine (as {@link BookFrameCpu} for the book): each round decodes each frame 200,000 times per route; the
 * best round of each route is printed in ns per frame, with the streaming route's ratio to the tree's. Not a JMH
 * benchmark: a driver for figures on a busy machine.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.exflux.benchmarks.DecodeCpu [rounds]}
 */
public final class DecodeCpu {

    private static final int FRAMES = 200_000;
    /** Where each result goes, so that no route is optimised away. */
    private static Object last;

    private DecodeCpu() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        DecodeBenchmark benchmark = new DecodeBenchmark();
        Map<String, Function<DecodeBenchmark, Object>> routes = new LinkedHashMap<>();
        routes.put("alpTrade", DecodeBenchmark::alpTrade);
        routes.put("treeTrade", DecodeBenchmark::treeTrade);
        routes.put("alpDiff", DecodeBenchmark::alpDiff);
        routes.put("treeDiff", DecodeBenchmark::treeDiff);
        routes.put("alpTicker", DecodeBenchmark::alpTicker);
        routes.put("treeTicker", DecodeBenchmark::treeTicker);
        Map<String, Long> best = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Function<DecodeBenchmark, Object>> route : routes.entrySet()) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < FRAMES; i++) {
                    last = route.getValue().apply(benchmark);
                }
                best.merge(route.getKey(), threads.getCurrentThreadCpuTime() - start, Math::min);
            }
        }
        String[] names = best.keySet().toArray(new String[0]);
        for (int i = 0; i < names.length; i += 2) {
            double ours = best.get(names[i]) / (double) FRAMES;
            double tree = best.get(names[i + 1]) / (double) FRAMES;
            System.out.printf("%-11s %7.1f ns/frame   %-11s %7.1f ns/frame   %4.2fx%n", names[i], ours, names[i + 1], tree,
                    tree / ours);
        }
        System.out.println("(best of " + rounds + " rounds; last result " + last.getClass().getSimpleName() + ")");
    }
}
