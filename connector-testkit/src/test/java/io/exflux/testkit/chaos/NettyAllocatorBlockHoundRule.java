package io.exflux.testkit.chaos;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Netty 4.2's default (adaptive) allocator grows its magazine array under contention and briefly takes a
 * {@code StampedLock} write lock to free the old magazines; BlockHound reports that park on an event loop, which
 * Netty's own BlockHound rules do not cover yet (they cover the allocator's thread-local setup only). Several
 * event loops allocating at once (a proxy, its server and its clients in one JVM) hit it and the report closes
 * the channel. It is a short lock handover, not I/O: allowed here, for this module's test JVM.
 */
public final class NettyAllocatorBlockHoundRule implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
    }
}
