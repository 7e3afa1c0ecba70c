package io.exflux.reactive.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void deltaSeconds() {
        assertThat(RetryAfter.parse("2", clock)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse(" 1.5 ", clock)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.parse("0", clock)).contains(Duration.ZERO);
    }

    @Test
    void httpDate() {
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 10:00:03 GMT", clock)).contains(Duration.ofSeconds(3));
    }

    @Test
    void epochMilliseconds() {
        long unlockAt = Instant.parse("2026-11-22T10:00:01.250Z").toEpochMilli();

        assertThat(RetryAfter.parse(Long.toString(unlockAt), clock)).contains(Duration.ofMillis(1250));
    }

    @Test
    void epochSeconds() {
        long unlockAt = Instant.parse("2026-11-22T10:00:04Z").getEpochSecond();

        assertThat(RetryAfter.parse(Long.toString(unlockAt), clock)).contains(Duration.ofSeconds(4));
    }

    @Test
    void aMomentInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void missingOrUnreadableValuesAreEmpty() {
        assertThat(RetryAfter.parse(null, clock)).isEqualTo(Optional.empty());
        assertThat(RetryAfter.parse("", clock)).isEmpty();
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("-5", clock)).isEmpty();
    }

    @Test
    void aWaitOfCenturiesOrOfEndlessDigitsIsReadAsTheLongestWait() {
        assertThat(RetryAfter.parse("86399", clock)).contains(Duration.ofSeconds(86_399));
        assertThat(RetryAfter.parse("99999999", clock)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("9223372036854775807", clock)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("99999999999999999999999999", clock)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("9".repeat(100_000), clock)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", clock)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("1e999999999", clock)).isEmpty();
    }
}
