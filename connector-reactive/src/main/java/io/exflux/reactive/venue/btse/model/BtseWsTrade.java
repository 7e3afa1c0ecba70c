package io.exflux.reactive.venue.btse.model;

import io.exflux.api.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One public trade of {@code tradeHistoryApi:<SYMBOL>} (a frame carries an array of them; the first may be a
 * batch of recent trades).
 *
 * @param side      as sent, {@code BUY} or {@code SELL} (the taker's side), kept raw when it is anything else
 * @param tradeId   the venue's id, numeric
 * @param timestamp {@code timestamp} in milliseconds
 */
public record BtseWsTrade(String symbol, String side, BigDecimal price, BigDecimal size, long tradeId,
                          Instant timestamp) implements BtseWsMessage {

    public BtseWsTrade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The taker's side, or {@code null} when {@link #side()} is neither {@code BUY} nor {@code SELL}. */
    public Side takerSide() {
        return BtseWsSides.of(side);
    }
}
