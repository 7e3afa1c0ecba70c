package io.exflux.reactive.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NonceSourceTest {

    /** A clock a test can set, forwards or backwards. */
    private static final class SettableClock extends Clock {
        private final AtomicLong millis;

        SettableClock(long millis) {
            this.millis = new AtomicLong(millis);
        }

        void set(long value) {
            millis.set(value);
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void followsTheClockWhenItMovesForward() {
        SettableClock clock = new SettableClock(1_000);
        NonceSource nonces = new NonceSource(clock);

        long first = nonces.next();
        clock.set(5_000);

        assertThat(first).isEqualTo(1_000);
        assertThat(nonces.next()).isEqualTo(5_000);
    }

    @Test
    void staysStrictlyIncreasingWithinOneMillisecond() {
        NonceSource nonces = new NonceSource(new SettableClock(1_000));

        assertThat(List.of(nonces.next(), nonces.next(), nonces.next())).containsExactly(1_000L, 1_001L, 1_002L);
    }

    @Test
    void staysStrictlyIncreasingWhenTheClockStepsBackwards() {
        SettableClock clock = new SettableClock(10_000);
        NonceSource nonces = new NonceSource(clock);
        long before = nonces.next();

        clock.set(2_000);

        assertThat(nonces.next()).isEqualTo(before + 1);
    }

    @Test
    void sixtyFourConcurrentCallersNeverSeeTheSameOrASmallerNonce() throws Exception {
        NonceSource nonces = new NonceSource(new SettableClock(1_000));
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int caller = 0; caller < 64; caller++) {
                results.add(pool.submit(() -> {
                    List<Long> seen = new ArrayList<>();
                    for (int i = 0; i < 1_000; i++) {
                        seen.add(nonces.next());
                    }
                    return seen;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> result : results) {
                List<Long> seen = result.get();
                for (int i = 1; i < seen.size(); i++) {
                    assertThat(seen.get(i)).isGreaterThan(seen.get(i - 1));
                }
                all.addAll(seen);
            }
            assertThat(all).hasSize(64_000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneSourcePerApiKey() {
        NonceSources sources = new NonceSources(new SettableClock(1_000));

        assertThat(sources.forKey("a")).isSameAs(sources.forKey("a")).isNotSameAs(sources.forKey("b"));
    }
}
