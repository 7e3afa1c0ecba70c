package io.exflux.reactive.venue.btse.model;

import java.time.Duration;

/**
 * The {@code resolution} of {@code GET /api/v3.2/ohlcv}, in minutes: 1, 5, 15, 30, 60, 360 and 1440 (v3.2);
 * BTSE added 240, 10080 and 43200 later.
 */
public enum BtseResolution {
    MINUTE_1(1),
    MINUTE_5(5),
    MINUTE_15(15),
    MINUTE_30(30),
    HOUR_1(60),
    HOUR_4(240),
    HOUR_6(360),
    DAY_1(1440),
    WEEK_1(10080),
    MONTH_1(43200);

    private final int minutes;

    BtseResolution(int minutes) {
        this.minutes = minutes;
    }

    /** The value sent, minutes. */
    public int minutes() {
        return minutes;
    }

    /** The length of one candle (a month is counted as 30 days, as BTSE's 43200 minutes are). */
    public Duration duration() {
        return Duration.ofMinutes(minutes);
    }
}
