package io.exflux.reactive.venue.v1.model;

import java.time.Duration;

/** The chart types of {@code /charts/<pair>/<type>/chart}: every one both documents list. */
public enum V1ChartType {
    M1("1", Duration.ofMinutes(1)),
    M5("5", Duration.ofMinutes(5)),
    M15("15", Duration.ofMinutes(15)),
    M30("30", Duration.ofMinutes(30)),
    H1("60", Duration.ofHours(1)),
    H4("240", Duration.ofHours(4)),
    D1("D", Duration.ofDays(1));

    private final String wireValue;
    private final Duration duration;

    V1ChartType(String wireValue, Duration duration) {
        this.wireValue = wireValue;
        this.duration = duration;
    }

    /** The path segment: {@code 1}, {@code 5}, ..., {@code D}. */
    public String wireValue() {
        return wireValue;
    }

    /** One candle's span. */
    public Duration duration() {
        return duration;
    }
}
