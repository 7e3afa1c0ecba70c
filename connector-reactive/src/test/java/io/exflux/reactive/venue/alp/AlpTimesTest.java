package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exflux.reactive.venue.alp.internal.AlpTimes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The units of ALP's time fields, each stated in {@link AlpTimes} and checked here. */
class AlpTimesTest {

    @Test
    void integerSeconds() {
        assertThat(AlpTimes.epochSeconds(new BigDecimal("1630862400"))).isEqualTo(Instant.parse("2021-09-05T17:20:00Z"));
        assertThat(AlpTimes.parse("1630862400")).isEqualTo(Instant.parse("2021-09-05T17:20:00Z"));
    }

    @Test
    void fractionalSecondsKeepMicroseconds() {
        assertThat(AlpTimes.epochSeconds(new BigDecimal("1586857703.901509")))
                .isEqualTo(Instant.ofEpochSecond(1586857703L, 901_509_000L));
        assertThat(AlpTimes.parse("1631386242.567")).isEqualTo(Instant.ofEpochSecond(1631386242L, 567_000_000L));
    }

    @Test
    void iso8601WithAndWithoutOffset() {
        assertThat(AlpTimes.parse("2023-09-04T12:00:00Z")).isEqualTo(Instant.parse("2023-09-04T12:00:00Z"));
        assertThat(AlpTimes.parse("2023-09-04T14:00:00+02:00")).isEqualTo(Instant.parse("2023-09-04T12:00:00Z"));
        assertThat(AlpTimes.parse("2023-09-04T12:00:00.123456")).isEqualTo(Instant.parse("2023-09-04T12:00:00.123456Z"));
        assertThatThrownBy(() -> AlpTimes.parse("yesterday")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void welcomePingValuesByMagnitude() {
        assertThat(AlpTimes.pingValue(20_000)).isEqualTo(Duration.ofSeconds(20));
        assertThat(AlpTimes.pingValue(30_000_000_000L)).isEqualTo(Duration.ofSeconds(30));
        assertThat(AlpTimes.pingValue(AlpTimes.NANOS_THRESHOLD - 1)).isEqualTo(Duration.ofMillis(9_999_999));
        assertThat(AlpTimes.pingValue(AlpTimes.NANOS_THRESHOLD)).isEqualTo(Duration.ofMillis(10));
    }
}
