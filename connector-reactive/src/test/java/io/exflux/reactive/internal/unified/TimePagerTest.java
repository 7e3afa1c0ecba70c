package io.exflux.reactive.internal.unified;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Time-range paging that holds whichever end of a full page a venue keeps. */
class TimePagerTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    /**
     * A venue with a candle every minute on the epoch grid, answering at most {@code limit} of those in
     * [since, until] (or [since, until) when {@code untilExclusive}), keeping the newest or the oldest.
     */
    private static Flux<Long> venue(TimePager.Window window, int limit, boolean newest, boolean untilExclusive) {
        long since = window.since().getEpochSecond();
        long until = window.until().getEpochSecond();
        List<Long> all = new ArrayList<>();
        for (long t = Math.floorDiv(since + 59, 60) * 60; untilExclusive ? t < until : t <= until; t += 60) {
            all.add(t);
        }
        List<Long> page = all.size() <= limit ? all
                : newest ? all.subList(all.size() - limit, all.size()) : all.subList(0, limit);
        List<Long> newestFirst = new ArrayList<>(page);
        java.util.Collections.reverse(newestFirst);
        return Flux.fromIterable(newestFirst); // answer order must not matter either
    }

    private static List<Long> page(long from, long to, int limit, boolean newest, boolean untilExclusive) {
        return TimePager.page(Instant.ofEpochSecond(from), Instant.ofEpochSecond(to), MINUTE, limit,
                        window -> venue(window, limit, newest, untilExclusive), Instant::ofEpochSecond)
                .collectList().block(Duration.ofSeconds(5));
    }

    private static List<Long> expected(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long t = Math.floorDiv(from + 59, 60) * 60; t < to; t += 60) {
            out.add(t);
        }
        return out;
    }

    @Test
    void everyCandleOnceWhicheverEndAFullPageKeepsAndHoweverUntilIsRead() {
        long[] starts = {1_700_000_040L, 1_700_000_041L, 1_700_000_001L, 1_699_999_999L, 1_700_000_030L};
        for (long from : starts) {
            long to = from + 60L * 2_000 + 17;
            for (boolean newest : new boolean[] {true, false}) {
                for (boolean exclusive : new boolean[] {true, false}) {
                    assertThat(page(from, to, 500, newest, exclusive))
                            .as("from %d, newest %s, until exclusive %s", from, newest, exclusive)
                            .containsExactlyElementsOf(expected(from, to));
                }
            }
        }
    }

    @Test
    void noWindowCanHoldMoreThanTheLimit() {
        for (long from = 1_700_000_000L; from < 1_700_000_000L + 120; from++) {
            for (TimePager.Window window : TimePager.windows(Instant.ofEpochSecond(from),
                    Instant.ofEpochSecond(from + 60L * 1_234), MINUTE, 500)) {
                long since = window.since().getEpochSecond();
                long until = window.until().getEpochSecond();
                long candles = Math.floorDiv(until, 60) - Math.floorDiv(since - 1, 60); // grid points in [since, until]
                assertThat(candles).as("window %s", window).isLessThanOrEqualTo(500);
            }
        }
    }

    @Test
    void windowsFollowOneAnotherWithoutGapOrOverlap() {
        List<TimePager.Window> windows = TimePager.windows(Instant.ofEpochSecond(0), Instant.ofEpochSecond(60 * 700),
                MINUTE, 500);
        assertThat(windows).containsExactly(
                new TimePager.Window(Instant.ofEpochSecond(0), Instant.ofEpochSecond(29_999)),
                new TimePager.Window(Instant.ofEpochSecond(30_000), Instant.ofEpochSecond(42_000)));
    }

    @Test
    void candlesRepeatedAtAWindowEdgeOrOutsideTheRangeAreDropped() {
        List<Long> candles = TimePager.page(Instant.ofEpochSecond(600), Instant.ofEpochSecond(600 + 60 * 25), MINUTE, 10,
                        window -> {
                            long since = window.since().getEpochSecond();
                            List<Long> page = new ArrayList<>();
                            page.add(since - 60); // the candle before the window, as some venues add
                            for (long t = since; t <= window.until().getEpochSecond(); t += 60) {
                                page.add(t);
                            }
                            return Flux.fromIterable(page);
                        }, Instant::ofEpochSecond)
                .collectList().block(Duration.ofSeconds(5));
        assertThat(candles).containsExactlyElementsOf(expected(600, 600 + 60 * 25));
    }

    @Test
    void onePageAtATimeAsTheSubscriberRequests() {
        AtomicInteger calls = new AtomicInteger();
        Flux<Long> candles = TimePager.page(Instant.ofEpochSecond(0), Instant.ofEpochSecond(60 * 30), MINUTE, 10,
                window -> {
                    calls.incrementAndGet();
                    return venue(window, 10, true, false);
                }, Instant::ofEpochSecond);
        assertThat(calls).hasValue(0); // cold
        StepVerifier.create(candles, 5)
                .expectNextCount(5)
                .then(() -> assertThat(calls.get()).isEqualTo(1))
                .thenRequest(25)
                .expectNextCount(25)
                .verifyComplete();
        assertThat(calls).hasValue(3);
    }

    @Test
    void badArgumentsAreRefused() {
        Instant t = Instant.ofEpochSecond(1_000);
        assertThatThrownBy(() -> TimePager.windows(t, t, MINUTE, 10)).hasMessageContaining("from must be before to");
        assertThatThrownBy(() -> TimePager.windows(t, t.plusSeconds(1), Duration.ofSeconds(1), 10))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> TimePager.windows(t, t.plusSeconds(1), MINUTE, 0)).hasMessageContaining("limit");
        StepVerifier.create(TimePager.page(t, t, MINUTE, 10, w -> Flux.<Long>empty(), Instant::ofEpochSecond))
                .expectError(IllegalArgumentException.class).verify();
    }
}
