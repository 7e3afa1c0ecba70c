package io.exflux.reactive.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /** The same values the backoff under test draws, from a second generator with the same seed. */
    private static DoubleSupplier seeded(long seed) {
        Random random = new Random(seed);
        return random::nextDouble;
    }

    @Test
    void constantIsTheSameEveryAttempt() {
        Backoff backoff = Backoff.constant(ms(250));
        assertThat(backoff.delay(1)).isEqualTo(ms(250));
        assertThat(backoff.delay(99)).isEqualTo(ms(250));
    }

    @Test
    void exponentialDoublesUpToItsCap() {
        Backoff backoff = Backoff.exponential(ms(100), ms(1000));
        assertThat(List.of(1, 2, 3, 4, 5, 60, Integer.MAX_VALUE)).extracting(backoff::delay)
                .containsExactly(ms(100), ms(200), ms(400), ms(800), ms(1000), ms(1000), ms(1000));
        assertThat(Backoff.exponential(ms(100), ms(1000), 3).delay(3)).isEqualTo(ms(900));
        assertThat(backoff.delay(0)).as("below 1 counts as 1").isEqualTo(ms(100));
    }

    @Test
    void fullJitterIsTheBoundTimesTheRandomValue() {
        Backoff half = Backoff.fullJitter(ms(100), ms(1000), 2, () -> 0.5);
        assertThat(List.of(1, 2, 3, 4, 5, 60)).extracting(half::delay)
                .containsExactly(ms(50), ms(100), ms(200), ms(400), ms(500), ms(500));
        assertThat(Backoff.fullJitter(ms(100), ms(1000), 2, () -> 0.0).delay(7)).isZero();

        DoubleSupplier expected = seeded(42);
        Backoff seeded = Backoff.fullJitter(ms(100), ms(1000), 2, seeded(42));
        for (int attempt = 1; attempt <= 6; attempt++) {
            double bound = Math.min(100_000_000.0 * Math.pow(2, attempt - 1), 1_000_000_000.0);
            assertThat(seeded.delay(attempt)).isEqualTo(Duration.ofNanos((long) (bound * expected.getAsDouble())));
        }
    }

    @Test
    void equalJitterKeepsHalfTheBoundAndRandomizesTheOtherHalf() {
        assertThat(Backoff.equalJitter(ms(100), ms(1000), 2, () -> 0.0).delay(3)).isEqualTo(ms(200));
        assertThat(Backoff.equalJitter(ms(100), ms(1000), 2, () -> 0.5).delay(3)).isEqualTo(ms(300));
        assertThat(Backoff.equalJitter(ms(100), ms(1000), 2, () -> 0.5).delay(9)).isEqualTo(ms(750));

        DoubleSupplier expected = seeded(7);
        Backoff seeded = Backoff.equalJitter(ms(100), ms(1000), 2, seeded(7));
        for (int attempt = 1; attempt <= 6; attempt++) {
            double bound = Math.min(100_000_000.0 * Math.pow(2, attempt - 1), 1_000_000_000.0);
            assertThat(seeded.delay(attempt))
                    .isEqualTo(Duration.ofNanos((long) (bound / 2 + bound / 2 * expected.getAsDouble())));
        }
    }

    @Test
    void decorrelatedJitterGrowsFromThePreviousDelayAndEachSequenceStartsOver() {
        Backoff formula = Backoff.decorrelatedJitter(ms(100), ms(2000), () -> 0.5);
        Backoff first = formula.sequence();
        // 100, then 100 + 0.5 * (3 * previous - 100)
        assertThat(List.of(1, 2, 3, 4, 5)).extracting(first::delay)
                .containsExactly(ms(100), ms(200), ms(350), ms(575), ms(912).plusNanos(500_000));
        assertThat(first.delay(6)).isEqualTo(ms(1418).plusNanos(750_000));
        assertThat(first.delay(7)).as("capped").isEqualTo(ms(2000));

        Backoff second = formula.sequence();
        assertThat(second).isNotSameAs(first);
        assertThat(second.delay(1)).isEqualTo(ms(100));
        assertThat(second.delay(2)).as("its own memory, not the first sequence's").isEqualTo(ms(200));
        assertThat(first.delay(1)).as("attempt 1 starts a sequence over").isEqualTo(ms(100));
    }

    @Test
    void decorrelatedJitterFollowsASeededSourceExactly() {
        DoubleSupplier expected = seeded(3);
        Backoff seeded = Backoff.decorrelatedJitter(ms(100), ms(5000), seeded(3)).sequence();
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            delays.add(seeded.delay(attempt));
        }
        long previous = 100_000_000L;
        assertThat(delays.get(0)).isEqualTo(ms(100));
        for (int i = 1; i < delays.size(); i++) {
            long next = (long) Math.min(5_000_000_000.0, 100_000_000L + expected.getAsDouble()
                    * (3.0 * previous - 100_000_000L));
            assertThat(delays.get(i)).isEqualTo(Duration.ofNanos(next));
            previous = next;
        }
    }

    @Test
    void statelessFormulasAreTheirOwnSequence() {
        Backoff backoff = Backoff.equalJitter(ms(100), ms(1000));
        assertThat(backoff.sequence()).isSameAs(backoff);
    }

    @Test
    void badRangesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Backoff.exponential(ms(500), ms(100)))
                .withMessageContaining("below initial");
        assertThatIllegalArgumentException().isThrownBy(() -> Backoff.fullJitter(Duration.ZERO, ms(100)));
        assertThatIllegalArgumentException().isThrownBy(() -> Backoff.exponential(ms(100), ms(200), 0.5))
                .withMessageContaining("multiplier");
        assertThatIllegalArgumentException().isThrownBy(() -> Backoff.constant(ms(-1)));
    }
}
