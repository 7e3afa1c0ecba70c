package io.exflux.reactive.venue.alp.model;

/**
 * A candle width of {@code GET /charts}. The document lists {@code 1, 5, 15, 30, 60, 240, 1D}; the
 * official client uses {@code 1440} for a day (docs/venues/alp.md, drift 5). We send the documented
 * {@code 1D}; {@link #of(String)} reads both.
 */
public enum AlpChartInterval {
    M1("1"),
    M5("5"),
    M15("15"),
    M30("30"),
    H1("60"),
    H4("240"),
    D1("1D");

    private final String wireValue;

    AlpChartInterval(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The query parameter value. */
    public String wireValue() {
        return wireValue;
    }

    /** Reads a documented value or the client's {@code 1440}. */
    public static AlpChartInterval of(String raw) {
        String value = raw.trim();
        if ("1440".equals(value) || "1d".equalsIgnoreCase(value)) {
            return D1;
        }
        for (AlpChartInterval interval : values()) {
            if (interval.wireValue.equals(value)) {
                return interval;
            }
        }
        throw new IllegalArgumentException("unknown ALP chart interval: " + raw);
    }
}
