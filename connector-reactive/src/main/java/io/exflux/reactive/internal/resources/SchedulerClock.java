package io.exflux.reactive.internal.resources;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Scheduler;

/**
 * A UTC clock that reads a scheduler's {@code now} in milliseconds, so a virtual-time scheduler moves it too (a
 * virtual-time clock starts at the epoch).
 */
public final class SchedulerClock extends Clock {

    private final Scheduler scheduler;

    /** The clock of this scheduler. */
    public SchedulerClock(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("a scheduler clock is in UTC");
    }

    @Override
    public long millis() {
        return scheduler.now(TimeUnit.MILLISECONDS);
    }

    /** In milliseconds: a real scheduler's finer {@code now} is {@code System.nanoTime()}, not a date. */
    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public String toString() {
        return "SchedulerClock[" + scheduler + "]";
    }
}
