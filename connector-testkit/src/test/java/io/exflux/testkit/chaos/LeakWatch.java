package io.exflux.testkit.chaos;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records Netty's buffer leak reports so a test can fail on one (Netty only logs them). Listens on the
 * buffers' own leak detector, so it works however late in the JVM it is installed (tests run on the class
 * path, where the detector's field can be reached).
 */
final class LeakWatch {

    private static final List<String> REPORTS = new CopyOnWriteArrayList<>();
    private static boolean installed;

    private LeakWatch() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Field field = AbstractByteBuf.class.getDeclaredField("leakDetector");
            field.setAccessible(true);
            ResourceLeakDetector<?> detector = (ResourceLeakDetector<?>) field.get(null);
            detector.setLeakListener((resourceType, records) -> REPORTS.add("LEAK: " + resourceType + records));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot listen to Netty's leak detector", e);
        }
        installed = true;
    }

    /** Lets the collector find dropped buffers, makes the detector report them, returns and forgets the reports. */
    static List<String> collect() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            System.runFinalization();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < 64; i++) { // the detector reports when the next buffer is tracked
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(16);
                probe.release();
            }
        }
        List<String> copy = new ArrayList<>(REPORTS);
        REPORTS.clear();
        return copy;
    }
}
