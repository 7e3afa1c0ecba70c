package io.exflux.testkit.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The leak check the chaos tests rely on does report a dropped buffer (leak detection is paranoid in tests). */
class LeakWatchTest {

    @Test
    void aBufferDroppedWithoutReleaseIsReported() {
        LeakWatch.install();
        LeakWatch.collect();

        leakOne();

        assertThat(LeakWatch.collect()).anySatisfy(report -> assertThat(report).startsWith("LEAK: ByteBuf"));
    }

    private static void leakOne() {
        ByteBuf dropped = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        dropped.writeLong(42);
    }
}
