package io.exflux.reactive.venue.btse.internal;

import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Fill;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import io.exflux.reactive.venue.btse.model.BtseWsBook;
import io.exflux.reactive.venue.btse.model.BtseWsFill;
import io.exflux.reactive.venue.btse.model.BtseWsL1;
import io.exflux.reactive.venue.btse.model.BtseWsOrder;
import io.exflux.reactive.venue.btse.model.BtseWsTrade;
import io.exflux.reactive.venue.btse.model.BtseOrderStatusCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * BTSE websocket records as unified records. Each throws {@link ProtocolException} (or the unified record's
 * {@code IllegalArgumentException}) for a message it cannot map; callers skip such a message with a warning.
 */
public final class BtseWsMapper {

    private BtseWsMapper() {
    }

    /** A book frame of {@code pair}'s market: absolute sizes, {@code 0} deletes, with its sequence numbers. */
    public static OrderBookUpdate bookUpdate(CurrencyPair pair, BtseWsBook book) {
        return new OrderBookUpdate(pair, book.type() == BtseWsBook.Type.SNAPSHOT ? OrderBookUpdate.Kind.SNAPSHOT
                : OrderBookUpdate.Kind.DELTA, OrderBookUpdate.Mode.ABSOLUTE, book.bids(), book.asks(), book.seqNum(),
                book.prevSeqNum(), book.timestamp());
    }

    public static Trade trade(CurrencyPair pair, BtseWsTrade trade) {
        return new Trade(pair, Long.toString(trade.tradeId()), trade.price(), trade.size(), trade.takerSide(),
                trade.timestamp());
    }

    /** The best bid and ask of an L1 frame; every other ticker field is {@code null} (L1 carries none). */
    public static Ticker ticker(CurrencyPair pair, BtseWsL1 l1) {
        return new Ticker(pair, null, best(l1.bids()), best(l1.asks()), null, null, null, null, null, null,
                l1.timestamp());
    }

    private static BigDecimal best(List<PriceLevel> levels) {
        return levels.isEmpty() ? null : levels.get(0).price();
    }

    public static Fill fill(BtseWsFill fill) {
        String id = fill.tradeId() != null ? fill.tradeId() : fill.serialId();
        if (id == null) {
            throw new ProtocolException("BTSE fill without tradeId or serialId");
        }
        CurrencyPair pair = fill.base() != null && fill.quote() != null ? CurrencyPair.of(fill.base(), fill.quote())
                : BtseMapper.SYMBOLS.parse(fill.symbol());
        return new Fill(id, fill.orderId(), pair, BtseMapper.side(fill.side()), fill.price(), fill.size(), fill.feeAmount(),
                fill.feeCurrency(), fill.maker(), fill.timestamp());
    }

    /**
     * An order notification. Its {@code status} is a code of the document's enum or its name
     * ({@code ORDER_INSERTED}); {@code type} the numeric order type, a stop when {@code txType} says so.
     */
    public static Order order(BtseWsOrder order) {
        BtseOrderStatusCode code = statusCode(order.status());
        OrderStatus status = code.orderStatus() == null ? OrderStatus.UNKNOWN : code.orderStatus();
        BigDecimal amount = order.originalSize() != null ? order.originalSize() : order.size();
        BigDecimal filled = order.fillSize();
        if (filled == null && amount != null && order.remainingSize() != null) {
            filled = amount.subtract(order.remainingSize()).max(BigDecimal.ZERO);
        }
        BigDecimal average = order.avgFillPrice() == null || order.avgFillPrice().signum() == 0 ? null
                : order.avgFillPrice();
        String txType = order.txType();
        boolean stop = "STOP".equalsIgnoreCase(txType) || "TRIGGER".equalsIgnoreCase(txType)
                || "1".equals(txType) || "2".equals(txType);
        OrderType type = BtseMapper.type(orderType(order.type()), stop);
        BigDecimal price = type == OrderType.MARKET || type == OrderType.STOP_MARKET ? null : positive(order.price());
        return new Order(order.orderId(), order.clOrderId(), BtseMapper.SYMBOLS.parse(order.symbol()),
                BtseMapper.side(order.side()), type, status, order.status(), price,
                stop ? positive(order.triggerPrice()) : null, amount, filled, average, null,
                BtseMapper.timeInForce(order.timeInForce()), null, order.timestamp());
    }

    private static BtseOrderStatusCode statusCode(String raw) {
        BtseOrderStatusCode code = BtseOrderStatusCode.of(raw);
        if (code == BtseOrderStatusCode.UNKNOWN && raw != null) {
            try {
                return BtseOrderStatusCode.valueOf(raw.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException notAName) {
                return BtseOrderStatusCode.UNKNOWN;
            }
        }
        return code;
    }

    private static Integer orderType(String raw) {
        try {
            return raw == null ? null : Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal positive(BigDecimal value) {
        return value == null || value.signum() <= 0 ? null : value;
    }
}
