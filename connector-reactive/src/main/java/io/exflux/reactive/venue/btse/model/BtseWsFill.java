package io.exflux.reactive.venue.btse.model;

import io.exflux.api.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of the account's orders on {@code fills}. The spot document types the numbers as JSON numbers,
 * the current documentation as strings: both are read. Fields the frame leaves out are {@code null}.
 *
 * @param serialId the venue's serial number of the fill
 * @param tradeId  the trade's id
 */
public record BtseWsFill(String orderId, String serialId, String clOrderId, String type, String symbol, String side,
                         BigDecimal price, BigDecimal size, BigDecimal feeAmount, String feeCurrency, String base,
                         String quote, Boolean maker, Instant timestamp, String tradeId) implements BtseWsMessage {

    public BtseWsFill {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The order's side, or {@code null} when the text is neither {@code BUY} nor {@code SELL}. */
    public Side orderSide() {
        return BtseWsSides.of(side);
    }
}
