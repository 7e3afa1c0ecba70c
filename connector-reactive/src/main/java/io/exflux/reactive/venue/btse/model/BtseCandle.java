package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code GET /api/v3.2/ohlcv}: one row {@code [time, open, high, low, close, volume]}; {@code time} is unix
 * <b>seconds</b>.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"time", "open", "high", "low", "close", "volume"})
public record BtseCandle(long time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                         BigDecimal volume) {

    /** When the candle opens. */
    public Instant openTime() {
        return Instant.ofEpochSecond(time);
    }
}
