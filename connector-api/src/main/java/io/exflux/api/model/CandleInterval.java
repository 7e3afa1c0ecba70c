package io.exflux.api.model;

import java.time.Duration;

/** Candle widths that venues commonly serve; each venue says in its capabilities which it has. */
public enum CandleInterval {
    M1(Duration.ofMinutes(1)),
    M5(Duration.ofMinutes(5)),
    M15(Duration.ofMinutes(15)),
    M30(Duration.ofMinutes(30)),
    H1(Duration.ofHours(1)),
    H4(Duration.ofHours(4)),
    H6(Duration.ofHours(6)),
    D1(Duration.ofDays(1)),
    W1(Duration.ofDays(7));

    private final Duration duration;

    CandleInterval(Duration duration) {
        this.duration = duration;
    }

    /** The length of one candle. */
    public Duration duration() {
        return duration;
    }
}
