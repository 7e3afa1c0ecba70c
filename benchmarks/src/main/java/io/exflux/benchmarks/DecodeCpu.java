package io.exflux.benchmarks;

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

    private DecodeCpu() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Map<String, Function<DecodeBenchmark, Object>> routes = new LinkedHashMap<>();
        routes.put("alpTrade", DecodeBenchmark::alpTrade);
        routes.put("treeTrade", DecodeBenchmark::treeTrade);
        routes.put("alpDiff", DecodeBenchmark::alpDiff);
        routes.put("treeDiff", DecodeBenchmark::treeDiff);
        routes.put("alpTicker", DecodeBenchmark::alpTicker);
        routes.put("treeTicker", DecodeBenchmark::treeTicker);
        Map<String, DecodeRounds.Cost> costs = DecodeRounds.run(new DecodeBenchmark(), routes, rounds, FRAMES);
        String[] names = costs.keySet().toArray(new String[0]);
        for (int i = 0; i < names.length; i += 2) {
            double ours = costs.get(names[i]).nanos();
            double tree = costs.get(names[i + 1]).nanos();
            System.out.printf("%-11s %7.1f ns/frame   %-11s %7.1f ns/frame   %4.2fx%n", names[i], ours, names[i + 1], tree,
                    tree / ours);
        }
        System.out.println("(best of " + rounds + " rounds; last result " + DecodeRounds.lastResult() + ")");
    }
}
