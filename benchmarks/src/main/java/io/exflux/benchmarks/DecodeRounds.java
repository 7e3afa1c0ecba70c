package io.exflux.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The rounds of the decode drivers ({@link DecodeCpu}, {@link V1DecodeCpu}): each round runs every route a number of
 * times, one route after the other, on the calling thread; each route keeps its best round's CPU time and its bytes
 * (the thread's allocation counter, exact), both per run.
 */
final class DecodeRounds {

    /** One route's best CPU time and its bytes, per run. */
    record Cost(double nanos, double bytes) {
    }

    /** Where each result goes, so that no route is optimised away; its type is printed at the end. */
    private static Object last;

    private DecodeRounds() {
    }

    static Map<String, Cost> run(DecodeBenchmark benchmark, Map<String, Function<DecodeBenchmark, Object>> routes,
                                 int rounds, int runsPerRound) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();
        Map<String, Long> best = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Function<DecodeBenchmark, Object>> route : routes.entrySet()) {
                Function<DecodeBenchmark, Object> decode = route.getValue();
                long allocated = threads.getThreadAllocatedBytes(threadId);
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < runsPerRound; i++) {
                    last = decode.apply(benchmark);
                }
                best.merge(route.getKey(), threads.getCurrentThreadCpuTime() - start, Math::min);
                bytes.put(route.getKey(), threads.getThreadAllocatedBytes(threadId) - allocated);
            }
        }
        Map<String, Cost> costs = new LinkedHashMap<>();
        best.forEach((name, nanos) -> costs.put(name,
                new Cost(nanos / (double) runsPerRound, bytes.get(name) / (double) runsPerRound)));
        return costs;
    }

    /** The type of the last result, for the driver's last line. */
    static String lastResult() {
        return last == null ? "none" : last.getClass().getSimpleName();
    }
}
