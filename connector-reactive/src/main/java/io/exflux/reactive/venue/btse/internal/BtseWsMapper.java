package io.exflux.reactive.venue.btse.internal;

import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Fill;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.TimeInForce;
import io.exflux.api.model.Trade;
import io.exflux.reactive.venue.btse.model.BtseWsBook;
import io.exflux.reactive.venue.btse.model.BtseWsFill;
import io.exflux.reactive.venue.btse.model.BtseWsL1;
import io.exflux.reactive.venue.btse.model.BtseWsOrder;
import io.exflux.reactive.venue.btse.model.BtseWsTrade;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BTSE websocket records as unified records. Each throws {@link ProtocolException} (or the unified record's
 * {@code IllegalArgumentException}) for a message it cannot map; callers skip such a message with a warning.
 */
public final class BtseWsMapper {

    /**
     * Order notification statuses: the codes of the document's enum, and their names. Anything else is
     * {@link OrderStatus#UNKNOWN}, raw text kept.
     */
    private static final Map<String, OrderStatus> STATUSES = Map.ofEntries(
            Map.entry("2", OrderStatus.OPEN), Map.entry("ORDER_INSERTED", OrderStatus.OPEN),
            Map.entry("4", OrderStatus.FILLED), Map.entry("ORDER_FULLY_TRANSACTED", OrderStatus.FILLED),
            Map.entry("5", OrderStatus.PARTIALLY_FILLED),
            Map.entry("ORDER_PARTIALLY_TRANSACTED", OrderStatus.PARTIALLY_FILLED),
            Map.entry("6", OrderStatus.CANCELED), Map.entry("ORDER_CANCELLED", OrderStatus.CANCELED),
            Map.entry("7", OrderStatus.CANCELED), Map.entry("ORDER_REFUNDED", OrderStatus.CANCELED),
            Map.entry("8", OrderStatus.REJECTED), Map.entry("INSUFFICIENT_BALANCE", OrderStatus.REJECTED),
            Map.entry("9", OrderStatus.PENDING), Map.entry("TRIGGER_INSERTED", OrderStatus.PENDING),
            Map.entry("10", OrderStatus.OPEN), Map.entry("TRIGGER_ACTIVATED", OrderStatus.OPEN),
            Map.entry("15", OrderStatus.REJECTED), Map.entry("ORDER_REJECTED", OrderStatus.REJECTED),
            Map.entry("STATUS_ACTIVE", OrderStatus.OPEN), Map.entry("STATUS_INACTIVE", OrderStatus.CANCELED));

    private BtseWsMapper() {
    }

    /** {@code BTC-USD} as {@code BTC/USD}. */
    public static CurrencyPair pair(String symbol) {
        int dash = symbol == null ? -1 : symbol.indexOf('-');
        if (dash <= 0 || dash == symbol.length() - 1) {
            throw new ProtocolException("BTSE symbol is not BASE-QUOTE: " + symbol);
        }
        return CurrencyPair.of(symbol.substring(0, dash), symbol.substring(dash + 1));
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
        Side side = fill.orderSide();
        if (side == null) {
            throw new ProtocolException("BTSE fill with side " + fill.side());
        }
        String id = fill.tradeId() != null ? fill.tradeId() : fill.serialId();
        if (id == null) {
            throw new ProtocolException("BTSE fill without tradeId or serialId");
        }
        return new Fill(id, fill.orderId(), pair(fill.symbol()), side, fill.price(), fill.size(), fill.feeAmount(),
                fill.feeCurrency(), fill.maker(), fill.timestamp());
    }

    public static Order order(BtseWsOrder order) {
        Side side = order.orderSide();
        if (side == null) {
            throw new ProtocolException("BTSE order notification with side " + order.side());
        }
        String raw = order.status();
        OrderStatus status = raw == null ? OrderStatus.UNKNOWN
                : STATUSES.getOrDefault(raw.toUpperCase(Locale.ROOT), OrderStatus.UNKNOWN);
        BigDecimal amount = order.originalSize() != null ? order.originalSize() : order.size();
        BigDecimal filled = order.fillSize();
        if (filled == null && amount != null && order.remainingSize() != null) {
            filled = amount.subtract(order.remainingSize()).max(BigDecimal.ZERO);
        }
        BigDecimal average = order.avgFillPrice() == null || order.avgFillPrice().signum() == 0 ? null
                : order.avgFillPrice();
        OrderType type = type(order);
        BigDecimal price = type == OrderType.MARKET || type == OrderType.STOP_MARKET ? null : positive(order.price());
        return new Order(order.orderId(), order.clOrderId(), pair(order.symbol()), side, type, status, raw, price,
                positive(order.triggerPrice()), amount, filled, average, null, timeInForce(order.timeInForce()),
                null, order.timestamp());
    }

    /** {@code 76} limit, {@code 77} market, {@code 80} peg (a limit that follows the market); stop when txType says so. */
    private static OrderType type(BtseWsOrder order) {
        boolean market = "77".equals(order.type()) || "MARKET".equalsIgnoreCase(order.type());
        String txType = order.txType();
        boolean stop = "STOP".equalsIgnoreCase(txType) || "TRIGGER".equalsIgnoreCase(txType)
                || "1".equals(txType) || "2".equals(txType);
        if (stop) {
            return market ? OrderType.STOP_MARKET : OrderType.STOP_LIMIT;
        }
        return market ? OrderType.MARKET : OrderType.LIMIT;
    }

    private static TimeInForce timeInForce(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "GTC" -> TimeInForce.GTC;
            case "IOC" -> TimeInForce.IOC;
            case "FOK" -> TimeInForce.FOK;
            default -> null;
        };
    }

    private static BigDecimal positive(BigDecimal value) {
        return value == null || value.signum() <= 0 ? null : value;
    }
}
