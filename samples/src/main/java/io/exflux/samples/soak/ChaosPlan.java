package io.exflux.samples.soak;

import io.exflux.testkit.chaos.ChaosFault;
import io.exflux.testkit.chaos.ChaosSchedule;
import io.exflux.testkit.chaos.Direction;
import io.exflux.testkit.chaos.FaultKind;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The faults a soak applies, one schedule for the websocket proxy and one for the REST proxy: cuts and resets most
 * often, stalls of 18-40 s, half-delivered frames and bursts of latency, a step every 3-9 s (REST: 2-6 s).
 * Seeded: a soak's seed and the segment number (the schedules restart after each quiet check) give the same steps
 * every run.
 */
final class ChaosPlan {

    private static final Duration SHORTEST = Duration.ofSeconds(3);
    private static final Duration LONGEST = Duration.ofSeconds(9);
    /** REST faults come more often: most connections sit idle in the pool, and a fault there changes nothing. */
    private static final Duration REST_SHORTEST = Duration.ofSeconds(2);
    private static final Duration REST_LONGEST = Duration.ofSeconds(6);
    private static final Duration LATENCY_BURST = Duration.ofSeconds(5);

    private ChaosPlan() {
    }

    /** The websocket proxy's faults for one segment of a soak. */
    static ChaosSchedule websocket(long seed, int segment) {
        return ChaosSchedule.seeded(segmentSeed(seed, segment, 1))
                .between(SHORTEST, LONGEST)
                .fault(6, ChaosFault.cut())
                .fault(2, ChaosFault.reset())
                .fault(2, random -> ChaosFault.stall(Direction.BOTH, stallLength(random)))
                .fault(1, random -> ChaosFault.halfFrame(Direction.SERVER_TO_CLIENT, 1 + random.nextInt(40),
                        FaultKind.CUT))
                .fault(1, random -> ChaosFault.halfFrameThenStall(Direction.SERVER_TO_CLIENT,
                        1 + random.nextInt(40), stallLength(random)))
                .fault(1, ChaosPlan::latencyBurst)
                .build();
    }

    /** The REST proxy's faults for one segment of a soak. */
    static ChaosSchedule rest(long seed, int segment) {
        return ChaosSchedule.seeded(segmentSeed(seed, segment, 2))
                .between(REST_SHORTEST, REST_LONGEST)
                .fault(4, ChaosFault.cut())
                .fault(2, ChaosFault.reset())
                .fault(2, random -> ChaosFault.stall(Direction.BOTH, stallLength(random)))
                .fault(1, random -> ChaosFault.halfFrame(Direction.SERVER_TO_CLIENT, 1 + random.nextInt(40),
                        FaultKind.CUT))
                .fault(1, ChaosPlan::latencyBurst)
                .build();
    }

    private static Duration stallLength(RandomGenerator random) {
        return Duration.ofSeconds(18 + random.nextInt(23));
    }

    private static ChaosFault latencyBurst(RandomGenerator random) {
        return new ChaosFault.Latency(Direction.SERVER_TO_CLIENT, Duration.ofMillis(50 + random.nextInt(200)),
                Duration.ofMillis(100), LATENCY_BURST);
    }

    private static long segmentSeed(long seed, int segment, int proxy) {
        return seed * 31 + segment * 1_000_003L + proxy;
    }
}
