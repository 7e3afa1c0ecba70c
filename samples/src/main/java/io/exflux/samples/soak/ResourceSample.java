package io.exflux.samples.soak;

import java.lang.management.ManagementFactory;

/** Heap in use (after a collection) and live threads at one moment of a soak. */
record ResourceSample(long heapBytes, int threads) {

    /** Takes a sample; collects first so that the heap figure is what is still reachable. Blocks briefly. */
    static ResourceSample now() throws InterruptedException {
        System.gc();
        Thread.sleep(100);
        Runtime runtime = Runtime.getRuntime();
        return new ResourceSample(runtime.totalMemory() - runtime.freeMemory(),
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    long heapMiB() {
        return heapBytes / (1024 * 1024);
    }
}
