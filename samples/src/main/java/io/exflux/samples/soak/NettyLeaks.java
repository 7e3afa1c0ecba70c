package io.exflux.samples.soak;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts Netty's buffer leak reports (Netty only logs them) by listening on the buffers' own leak detector, so it
 * works however late it is installed. How many buffers are tracked is {@code -Dio.netty.leakDetection.level}'s
 * choice ({@link #level()}); {@code paranoid} tracks every one. Installed once per JVM; counts from then on.
 */
final class NettyLeaks {

    private static final AtomicLong REPORTS = new AtomicLong();
    private static volatile String installFailure;
    private static boolean installed;

    private NettyLeaks() {
    }

    /** Starts listening (once); a JVM that refuses the reflective access leaves {@link #installFailure()} set. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        try {
            Field field = AbstractByteBuf.class.getDeclaredField("leakDetector");
            field.setAccessible(true);
            ResourceLeakDetector<?> detector = (ResourceLeakDetector<?>) field.get(null);
            detector.setLeakListener((resourceType, records) -> REPORTS.incrementAndGet());
        } catch (ReflectiveOperationException | RuntimeException e) {
            installFailure = e.toString();
        }
    }

    /** Why listening failed, or {@code null}. */
    static String installFailure() {
        return installFailure;
    }

    /** The detection level in force. */
    static ResourceLeakDetector.Level level() {
        return ResourceLeakDetector.getLevel();
    }

    /** Leak reports so far. */
    static long reports() {
        return REPORTS.get();
    }

    /**
     * Lets the collector find dropped buffers and makes the detector report them (it reports when the next buffer
     * is tracked); blocks for a few hundred milliseconds. Call it from the soak's thread at the end.
     */
    static void sweep() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(100);
            for (int i = 0; i < 64; i++) {
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(16);
                probe.release();
            }
        }
    }
}
