package io.exflux.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link DecodeBenchmark}'s v1 routes in CPU time of the running thread and bytes allocated per frame, steadier than
 * JMH's wall-clock throughput on a loaded machine: each round runs every route over the same number of frames, one
 * after the other; the best round of each route is printed with its ratio to the tree route on the same frames. The
 * bytes are exact (the thread's allocation counter). Not a JMH benchmark: a driver for figures on a busy machine.
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.exflux.benchmarks.V1DecodeCpu [rounds]}
 */
public final class V1DecodeCpu {

    private static final int FRAMES_PER_ROUND = 200_000;

    private V1DecodeCpu() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DecodeBenchmark benchmark = new DecodeBenchmark();
        benchmark.check(); // fails unless every route gives the tree's events
        Map<String, Function<DecodeBenchmark, Object>> routes = new LinkedHashMap<>();
        routes.put("v1NewOrder", DecodeBenchmark::v1NewOrder);
        routes.put("v1NewOrderFromBytes", DecodeBenchmark::v1NewOrderFromBytes);
        routes.put("v1TreeNewOrder", DecodeBenchmark::v1TreeNewOrder);
        routes.put("v1NewOrderLive", DecodeBenchmark::v1NewOrderLive);
        routes.put("v1TreeNewOrderLive", DecodeBenchmark::v1TreeNewOrderLive);
        routes.put("v1Cancel", DecodeBenchmark::v1Cancel);
        routes.put("v1CancelFromBytes", DecodeBenchmark::v1CancelFromBytes);
        routes.put("v1TreeCancel", DecodeBenchmark::v1TreeCancel);
        routes.put("v1CancelLive", DecodeBenchmark::v1CancelLive);
        routes.put("v1TreeCancelLive", DecodeBenchmark::v1TreeCancelLive);
        Map<String, Long> best = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        long threadId = Thread.currentThread().getId();
        Object sink = null;
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Function<DecodeBenchmark, Object>> route : routes.entrySet()) {
                Function<DecodeBenchmark, Object> run = route.getValue();
                long allocated = threads.getThreadAllocatedBytes(threadId);
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < FRAMES_PER_ROUND; i++) {
                    sink = run.apply(benchmark);
                }
                long spent = threads.getCurrentThreadCpuTime() - start;
                best.merge(route.getKey(), spent, Math::min);
                bytes.put(route.getKey(), threads.getThreadAllocatedBytes(threadId) - allocated);
            }
        }
        for (Map.Entry<String, Long> route : best.entrySet()) {
            String name = route.getKey();
            String tree = name.startsWith("v1Tree") ? null
                    : "v1Tree" + name.substring(2).replace("FromBytes", "");
            double perFrame = route.getValue() / (double) FRAMES_PER_ROUND;
            String ratio = tree == null ? "" : String.format("%5.2fx tree", best.get(tree) / (double) route.getValue());
            System.out.printf("%-20s %8.1f ns/frame  %7.1f B/frame  %s%n", name, perFrame,
                    bytes.get(name) / (double) FRAMES_PER_ROUND, ratio);
        }
        System.out.println(sink == null ? "" : "(last " + sink.getClass().getSimpleName() + ")");
    }
}
