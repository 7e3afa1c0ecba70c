package io.exflux.reactive.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The leak guard used by the loopback tests really sees a leaked buffer. */
class NettyLeaksTest {

    @Test
    void aBufferNeverReleasedIsReported() {
        assertThat(NettyLeaks.installed()).isTrue();
        NettyLeaks.collect();
        leakOne();
        assertThat(NettyLeaks.collect()).anySatisfy(report -> assertThat(report).startsWith("LEAK: "));
    }

    @Test
    void releasedBuffersAreNotReported() {
        NettyLeaks.collect();
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        buffer.writeLong(42);
        buffer.release();
        assertThat(NettyLeaks.collect()).isEmpty();
    }

    private static void leakOne() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        leaked.writeLong(7);
        // dropped without release(): the reference becomes unreachable when this method returns
    }
}
