package io.exflux.benchmarks;

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
        Map<String, DecodeRounds.Cost> costs = DecodeRounds.run(benchmark, routes, rounds, FRAMES_PER_ROUND);
        for (Map.Entry<String, DecodeRounds.Cost> route : costs.entrySet()) {
            String name = route.getKey();
            String tree = name.startsWith("v1Tree") ? null
                    : "v1Tree" + name.substring(2).replace("FromBytes", "");
            String ratio = tree == null ? ""
                    : String.format("%5.2fx tree", costs.get(tree).nanos() / route.getValue().nanos());
            System.out.printf("%-20s %8.1f ns/frame  %7.1f B/frame  %s%n", name, route.getValue().nanos(),
                    route.getValue().bytes(), ratio);
        }
        System.out.println("(last " + DecodeRounds.lastResult() + ")");
    }
}
