package io.exflux.reactive.internal.unified;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import reactor.core.publisher.Flux;

/**
 * Pages a time range through an endpoint that answers at most {@code limit} records a call (candles),
 * without knowing which end of an over-full answer the venue keeps. Each call asks for a window of
 * {@code limit} intervals less one second, which cannot hold more than {@code limit} records, so no
 * answer is ever cut. A window's {@code until} is its last whole second, one second before the next
 * window starts; windows start one second earlier than {@code from} when that would put a window's last
 * second on the interval's grid (multiples of the interval since the epoch, where candles open). So a
 * venue that reads {@code until} as inclusive and one that reads it as exclusive give the same records.
 */
public final class TimePager {

    private TimePager() {
    }

    /**
     * One call's range in whole seconds.
     *
     * @param since the first second asked for
     * @param until the last second asked for, less than {@code limit} intervals after {@code since}
     */
    public record Window(Instant since, Instant until) {
    }

    /**
     * The windows covering {@code [from, to)}, oldest first.
     *
     * @throws IllegalArgumentException when {@code from} is not before {@code to}, the interval is shorter
     *                                  than two seconds or not whole seconds, or the limit is not positive
     */
    public static List<Window> windows(Instant from, Instant to, Duration interval, int limit) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(interval, "interval");
        long step = interval.getSeconds();
        if (step < 2 || interval.getNano() != 0) {
            throw new IllegalArgumentException("interval must be whole seconds, at least 2, was " + interval);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        long start = ceilSeconds(from);
        if (Math.floorMod(start, step) == 1) {
            start--; // a window ending on a grid line would lose that line's candle where until is exclusive
        }
        long end = ceilSeconds(to); // the first whole second not wanted
        long width = Math.multiplyExact(step, (long) limit);
        List<Window> out = new ArrayList<>();
        for (long since = start; since < end; since += width) {
            out.add(new Window(Instant.ofEpochSecond(since), Instant.ofEpochSecond(Math.min(since + width - 1, end))));
        }
        return out;
    }

    /**
     * Every record of {@code [from, to)}, oldest first, fetched one window at a time: the next call
     * goes out once the subscriber has requested every record of the previous one. Cold. Records outside the range, and any a venue repeats at a window
     * edge, are dropped; the errors of {@code fetch} end the flux.
     *
     * @param fetch one call for a window; it may answer in any order
     * @param time  a record's time, which orders and de-duplicates
     */
    public static <T> Flux<T> page(Instant from, Instant to, Duration interval, int limit,
                                   Function<Window, Flux<T>> fetch, Function<T, Instant> time) {
        List<Window> windows;
        try {
            windows = windows(from, to, interval, limit);
        } catch (IllegalArgumentException e) {
            return Flux.error(e);
        }
        Comparator<T> byTime = Comparator.comparing(time);
        return Flux.defer(() -> {
            AtomicReference<Instant> latest = new AtomicReference<>();
            return Flux.fromIterable(windows)
                    .concatMap(window -> fetch.apply(window).sort(byTime), 0)
                    .filter(record -> {
                        Instant at = time.apply(record);
                        Instant before = latest.get();
                        if (at.isBefore(from) || !at.isBefore(to) || (before != null && !at.isAfter(before))) {
                            return false;
                        }
                        latest.set(at);
                        return true;
                    });
        });
    }

    private static long ceilSeconds(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }
}
