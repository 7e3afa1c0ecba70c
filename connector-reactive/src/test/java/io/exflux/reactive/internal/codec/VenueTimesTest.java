package io.exflux.reactive.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The time units venues send, each read by {@link VenueTimes}. */
class VenueTimesTest {

    @Test
    void integerSeconds() {
        assertThat(VenueTimes.epochSeconds(new BigDecimal("1630862400"))).isEqualTo(Instant.parse("2021-09-05T17:20:00Z"));
        assertThat(VenueTimes.parse("1630862400")).isEqualTo(Instant.parse("2021-09-05T17:20:00Z"));
    }

    @Test
    void fractionalSecondsKeepMicroseconds() {
        assertThat(VenueTimes.epochSeconds(new BigDecimal("1586857703.901509")))
                .isEqualTo(Instant.ofEpochSecond(1586857703L, 901_509_000L));
        assertThat(VenueTimes.parse("1631386242.567")).isEqualTo(Instant.ofEpochSecond(1631386242L, 567_000_000L));
    }

    @Test
    void millisecondsAndNanoseconds() {
        assertThat(VenueTimes.epochMillis(1_630_862_400_123L)).isEqualTo(Instant.parse("2021-09-05T17:20:00.123Z"));
        assertThat(VenueTimes.epochNanos(1_630_862_400_123_456_789L))
                .isEqualTo(Instant.parse("2021-09-05T17:20:00.123456789Z"));
        assertThat(VenueTimes.epochNanos(-1L)).isEqualTo(Instant.EPOCH.minusNanos(1));
    }

    @Test
    void iso8601WithAndWithoutOffset() {
        assertThat(VenueTimes.parse("2023-09-04T12:00:00Z")).isEqualTo(Instant.parse("2023-09-04T12:00:00Z"));
        assertThat(VenueTimes.parse("2023-09-04T14:00:00+02:00")).isEqualTo(Instant.parse("2023-09-04T12:00:00Z"));
        assertThat(VenueTimes.parse("2023-09-04T12:00:00.123456")).isEqualTo(Instant.parse("2023-09-04T12:00:00.123456Z"));
        assertThatThrownBy(() -> VenueTimes.parse("yesterday")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VenueTimes.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationsByMagnitude() {
        long nanosFrom = 10_000_000L;
        assertThat(VenueTimes.durationByMagnitude(20_000, nanosFrom)).isEqualTo(Duration.ofSeconds(20));
        assertThat(VenueTimes.durationByMagnitude(30_000_000_000L, nanosFrom)).isEqualTo(Duration.ofSeconds(30));
        assertThat(VenueTimes.durationByMagnitude(nanosFrom - 1, nanosFrom)).isEqualTo(Duration.ofMillis(9_999_999));
        assertThat(VenueTimes.durationByMagnitude(nanosFrom, nanosFrom)).isEqualTo(Duration.ofMillis(10));
        assertThatThrownBy(() -> VenueTimes.durationByMagnitude(-1, nanosFrom))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
