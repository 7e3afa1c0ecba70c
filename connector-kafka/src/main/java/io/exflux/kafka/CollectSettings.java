package io.exflux.kafka;

import java.time.Duration;

/**
 * How one pair is collected.
 *
 * @param bookDepth        levels a side kept and published
 * @param snapshotInterval how often a whole book is published between deltas
 * @param tradeBackfill    recent trades read over REST when a pair's collection starts (so a pair taken over
 *                         from a dead collector loses nothing the venue still lists); 0 reads none
 * @param backfillDelay    the backfill is read when the first live trade arrives (the live subscription is
 *                         then in place, so the two overlap rather than leave a gap); when none has arrived
 *                         this long after subscribing, it is read then already, and again at the first one
 * @param restartBackoff   first delay before a failed stream is subscribed again (doubling, at most a minute)
 */
public record CollectSettings(int bookDepth, Duration snapshotInterval, int tradeBackfill, Duration backfillDelay,
                              Duration restartBackoff) {

    /** 50 levels, a snapshot every 5 s, 1,000 trades backfilled at the first live trade (or after 1 s), restarts after 1 s. */
    public static final CollectSettings DEFAULTS = new CollectSettings(50, Duration.ofSeconds(5), 1000,
            Duration.ofSeconds(1), Duration.ofSeconds(1));

    public CollectSettings {
        if (bookDepth <= 0 || tradeBackfill < 0) {
            throw new IllegalArgumentException("bookDepth must be positive and tradeBackfill not negative");
        }
        if (snapshotInterval == null || snapshotInterval.isNegative() || backfillDelay == null
                || backfillDelay.isNegative() || restartBackoff == null || restartBackoff.isNegative()) {
            throw new IllegalArgumentException("durations must be given and not negative");
        }
    }

    public CollectSettings withSnapshotInterval(Duration value) {
        return new CollectSettings(bookDepth, value, tradeBackfill, backfillDelay, restartBackoff);
    }

    public CollectSettings withBackfillDelay(Duration value) {
        return new CollectSettings(bookDepth, snapshotInterval, tradeBackfill, value, restartBackoff);
    }

    public CollectSettings withBookDepth(int value) {
        return new CollectSettings(value, snapshotInterval, tradeBackfill, backfillDelay, restartBackoff);
    }
}
