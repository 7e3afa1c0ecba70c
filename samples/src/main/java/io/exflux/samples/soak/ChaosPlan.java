package io.exflux.samples.soak;

import io.exflux.testkit.chaos.ChaosFault;
import io.exflux.testkit.chaos.ChaosSchedule;
import io.exflux.testkit.chaos.Direction;
import io.exflux.testkit.chaos.FaultKind;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The faults a soak applies. On the websocket proxy two schedules run side by side: stalls (full, or half a frame
 * then stall) 2 s into each segment and then every 22-26 s, each longer than the liveness bound; and the rest (cuts,
 * resets, half-frames that end in a cut, bursts of latency and of low bandwidth) every 3-9 s. Neither touches a
 * connection in the first {@link #SPARED} of its stall, so every stall runs long enough to be detected unless the
 * client drops the socket first. On the REST proxy one schedule of cuts, resets, stalls, half-frames and latency every
 * 2-6 s. Seeded: a soak's seed and the segment number (the schedules restart after each quiet check) give the same
 * steps every run.
 */
final class ChaosPlan {

    /** A stall is spared this long: the bound, the allowance to report, and a margin for a loaded machine. */
    static final Duration SPARED = SoakSettings.STALL_BOUND.plus(SoakSettings.STALL_REPORT_ALLOWANCE)
            .plus(Duration.ofSeconds(4));
    /** The first stall of a segment comes early, so that even a 20-s segment (a one-minute soak) holds one. */
    static final Duration FIRST_STALL = Duration.ofSeconds(2);
    static final Duration STALL_SHORTEST = Duration.ofSeconds(22);
    static final Duration STALL_LONGEST = Duration.ofSeconds(26);
    /** Stalls last 20-30 s: longer than {@link #SPARED}, so one the client misses is there to be counted. */
    static final Duration STALL_MIN = SPARED;
    static final Duration STALL_MAX = Duration.ofSeconds(30);

    private static final Duration SHORTEST = Duration.ofSeconds(3);
    private static final Duration LONGEST = Duration.ofSeconds(9);
    /** REST faults come more often: most connections sit idle in the pool, and a fault there changes nothing. */
    private static final Duration REST_SHORTEST = Duration.ofSeconds(2);
    private static final Duration REST_LONGEST = Duration.ofSeconds(6);
    private static final Duration BURST = Duration.ofSeconds(5);
    private static final Duration REST_STALL_MIN = Duration.ofSeconds(18);

    private ChaosPlan() {
    }

    /** The websocket proxy's schedules for one segment of a soak: the stalls, and every other fault. */
    static List<ChaosSchedule> websocket(long seed, int segment) {
        return List.of(websocketStalls(seed, segment), websocketOthers(seed, segment));
    }

    static ChaosSchedule websocketStalls(long seed, int segment) {
        return ChaosSchedule.seeded(segmentSeed(seed, segment, 3))
                .firstAfter(FIRST_STALL)
                .between(STALL_SHORTEST, STALL_LONGEST)
                .fault(2, random -> ChaosFault.stall(Direction.BOTH, stallLength(random)))
                .fault(1, random -> ChaosFault.halfFrameThenStall(Direction.SERVER_TO_CLIENT,
                        1 + random.nextInt(40), stallLength(random)))
                .spareStalls(SPARED)
                .build();
    }

    static ChaosSchedule websocketOthers(long seed, int segment) {
        return ChaosSchedule.seeded(segmentSeed(seed, segment, 1))
                .between(SHORTEST, LONGEST)
                .fault(6, ChaosFault.cut())
                .fault(2, ChaosFault.reset())
                .fault(1, random -> ChaosFault.halfFrame(Direction.SERVER_TO_CLIENT, 1 + random.nextInt(40),
                        FaultKind.CUT))
                // while a stall is spared its steps find no connection to hit: latency and bandwidth weigh
                // enough that a few of each still land in ten minutes
                .fault(2, ChaosPlan::latencyBurst)
                .fault(2, ChaosPlan::bandwidthBurst)
                .spareStalls(SPARED)
                .build();
    }

    /** The REST proxy's faults for one segment of a soak. */
    static ChaosSchedule rest(long seed, int segment) {
        return ChaosSchedule.seeded(segmentSeed(seed, segment, 2))
                .between(REST_SHORTEST, REST_LONGEST)
                .fault(4, ChaosFault.cut())
                .fault(2, ChaosFault.reset())
                .fault(2, random -> ChaosFault.stall(Direction.BOTH,
                        REST_STALL_MIN.plusSeconds(random.nextInt(23))))
                .fault(1, random -> ChaosFault.halfFrame(Direction.SERVER_TO_CLIENT, 1 + random.nextInt(40),
                        FaultKind.CUT))
                .fault(1, ChaosPlan::latencyBurst)
                .build();
    }

    private static Duration stallLength(RandomGenerator random) {
        return STALL_MIN.plusSeconds(random.nextInt((int) STALL_MAX.minus(STALL_MIN).toSeconds() + 1));
    }

    private static ChaosFault latencyBurst(RandomGenerator random) {
        return new ChaosFault.Latency(Direction.SERVER_TO_CLIENT, Duration.ofMillis(50 + random.nextInt(200)),
                Duration.ofMillis(100), BURST);
    }

    /** 4-20 KiB a second for a few seconds: frames arrive, slowly, and the stream must keep up once it lifts. */
    private static ChaosFault bandwidthBurst(RandomGenerator random) {
        return new ChaosFault.Bandwidth(Direction.SERVER_TO_CLIENT, 4096L * (1 + random.nextInt(5)), BURST);
    }

    private static long segmentSeed(long seed, int segment, int proxy) {
        return seed * 31 + segment * 1_000_003L + proxy;
    }
}
