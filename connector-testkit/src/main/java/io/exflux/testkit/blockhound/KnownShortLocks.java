package io.exflux.testkit.blockhound;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The short lock handovers of our dependencies that BlockHound reports on an event loop although they are
 * not I/O and not waits on other work, for test JVMs that run BlockHound (register this class in the test
 * module's {@code META-INF/services/reactor.blockhound.integration.BlockHoundIntegration}):
 * <ul>
 *   <li>Netty 4.2's adaptive allocator grows its magazine array under contention and briefly takes a
 *       {@code StampedLock} write lock; Netty's own BlockHound rules do not cover it yet.</li>
 *   <li>Jackson builds a type's deserializer once, under its cache's lock: two event loops that meet a type
 *       for the first time at the same moment (a REST answer and a websocket frame) wait for each other
 *       once, for microseconds.</li>
 *   <li>Cancelling a timer of a Reactor scheduler (an interval or a delay disposed on an event loop) removes it
 *       from its {@code ScheduledThreadPoolExecutor}'s queue under the queue's lock, which that scheduler's worker
 *       holds only to add or take a task; Reactor's own rules allow adding and taking, not removing. The error
 *       BlockHound throws from inside the lock's wait leaves the lock broken for good: the worker never runs a
 *       task again, and every later timer of that scheduler (reconnect backoffs, watchdogs) stands still, so
 *       one unlucky cancel failed every later test of the JVM.</li>
 *   <li>reactor-test's {@code VirtualTimeScheduler} keeps its tasks in a {@code PriorityBlockingQueue}: an event loop
 *       that schedules or cancels a virtual-time timer, or runs the tasks due, takes that queue's lock, which the test
 *       thread advancing the clock holds only to add, look at or take a task. Its waits release the lock, so the
 *       lock is never held across a wait (the timed {@code poll} is the one wait these names let by; nothing polls a
 *       queue on an event loop). Broken by BlockHound's error, it stopped the virtual clock of the test.</li>
 * </ul>
 * Anything else that blocks still fails the test.
 */
public final class KnownShortLocks implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
        builder.allowBlockingCallsInside("com.fasterxml.jackson.databind.deser.DeserializerCache",
                "_createAndCacheValueDeserializer");
        builder.allowBlockingCallsInside("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue", "remove");
        for (String method : new String[] {"offer", "remove", "peek", "poll"}) {
            builder.allowBlockingCallsInside("java.util.concurrent.PriorityBlockingQueue", method);
        }
    }
}
