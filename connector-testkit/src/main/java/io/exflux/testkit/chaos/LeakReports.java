package io.exflux.testkit.chaos;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Netty's buffer leak reports, kept so that a fault test or a soak can fail on one (Netty only logs them). Listens on
 * the buffers' own leak detector, so it works however late in the JVM it is installed; how many buffers are
 * tracked is {@code -Dio.netty.leakDetection.level}'s choice ({@link #level()}), {@code paranoid} tracks every one.
 * One listener per JVM: every method is static and safe from any thread.
 */
public final class LeakReports {

    /** Reports kept to be read; the count goes on past it. */
    static final int MAX_KEPT = 1_000;

    private static final ConcurrentLinkedQueue<String> KEPT = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger KEPT_SIZE = new AtomicInteger();
    private static final LongAdder COUNT = new LongAdder();
    private static boolean installed;

    private LeakReports() {
    }

    /**
     * Starts listening (once per JVM; later calls do nothing).
     *
     * @throws IllegalStateException when the detector cannot be reached (a JVM that refuses the reflective access)
     */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Field field = AbstractByteBuf.class.getDeclaredField("leakDetector");
            field.setAccessible(true);
            ResourceLeakDetector<?> detector = (ResourceLeakDetector<?>) field.get(null);
            detector.setLeakListener((resourceType, records) -> {
                COUNT.increment();
                if (KEPT_SIZE.incrementAndGet() <= MAX_KEPT) {
                    KEPT.add("LEAK: " + resourceType + records);
                } else {
                    KEPT_SIZE.decrementAndGet();
                }
            });
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot listen to Netty's leak detector: " + e, e);
        }
        installed = true;
    }

    /** The detection level in force, e.g. {@code PARANOID}. */
    public static String level() {
        return ResourceLeakDetector.getLevel().name();
    }

    /** Leak reports since {@link #install()}, read or not. */
    public static long count() {
        return COUNT.sum();
    }

    /**
     * Lets the collector find dropped buffers and makes the detector report them (it reports when the next buffer is
     * tracked). Blocks for a few hundred milliseconds: call it from a test's or a command's thread.
     */
    public static void sweep() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            System.runFinalization();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (int i = 0; i < 64; i++) {
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(16);
                probe.release();
            }
        }
    }

    /** The reports kept since the last drain (at most {@link #MAX_KEPT}), oldest first; forgets them. */
    public static List<String> drain() {
        List<String> drained = new ArrayList<>();
        for (String report = KEPT.poll(); report != null; report = KEPT.poll()) {
            KEPT_SIZE.decrementAndGet();
            drained.add(report);
        }
        return drained;
    }
}
