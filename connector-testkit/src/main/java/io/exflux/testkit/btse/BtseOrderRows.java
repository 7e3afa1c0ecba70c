package io.exflux.testkit.btse;

import static io.exflux.testkit.btse.BtseWire.MAPPER;
import static io.exflux.testkit.btse.BtseWire.number;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.Side;
import io.exflux.testkit.sim.SimOrder;
import io.exflux.testkit.sim.SimTrade;
import java.math.BigDecimal;

/**
 * The shapes BTSE gives an order: the row of the order endpoints' answers (with its numeric
 * {@code status}), the open-orders row, the {@code notificationApiV2} object and the {@code fills} item.
 * Prices and sizes are JSON numbers; times milliseconds.
 */
final class BtseOrderRows {

    private BtseOrderRows() {
    }

    /** The status code of an order's state: 2, 4, 5, 6, or 9 for a stop not yet triggered. */
    static int status(SimOrder o) {
        boolean stop = o.type() == OrderType.STOP_LIMIT || o.type() == OrderType.STOP_MARKET;
        switch (o.status()) {
            case FILLED:
                return BtseWire.ORDER_FULLY_TRANSACTED;
            case PARTIALLY_FILLED:
                return BtseWire.ORDER_PARTIALLY_TRANSACTED;
            case CANCELED:
            case EXPIRED:
                return BtseWire.ORDER_CANCELLED;
            case REJECTED:
                return BtseWire.ORDER_REJECTED;
            default:
                return stop && !o.triggered() ? BtseWire.TRIGGER_INSERTED
                        : stop ? BtseWire.TRIGGER_ACTIVATED : BtseWire.ORDER_INSERTED;
        }
    }

    /** 76 limit (stop-limit too), 77 market (stop-market too), 80 peg; from the placement before the first update. */
    static int orderType(BtseOrders.Entry e, SimOrder o) {
        if ("PEG".equals(e.extras.type())) {
            return BtseWire.ORDER_TYPE_PEG;
        }
        boolean market = o == null ? "MARKET".equals(e.extras.type())
                : o.type() == OrderType.MARKET || o.type() == OrderType.STOP_MARKET;
        return market ? BtseWire.ORDER_TYPE_MARKET : BtseWire.ORDER_TYPE_LIMIT;
    }

    /** A row of the answer of place, amend and cancel. */
    static ObjectNode answer(BtseOrders.Entry e, SimOrder o, int status) {
        ObjectNode row = MAPPER.createObjectNode();
        BtseOrders.Extras x = e.extras;
        row.put("status", status).put("symbol", BtseWire.symbol(o.pair())).put("orderType", orderType(e, o))
                .put("price", number(o.limitPrice())).put("side", BtseWire.side(o.side()))
                .put("size", number(o.amount())).put("orderID", e.orderId).put("timestamp", o.updatedAt().toEpochMilli())
                .put("triggerPrice", number(x.triggerPrice())).put("stopPrice", number(x.stopPrice()))
                .put("trigger", o.triggered()).put("message", "")
                .put("averageFillPrice", number(o.averagePrice())).put("fillSize", number(o.filled()))
                .put("clOrderID", o.clientOrderId()).put("stealth", number(x.stealth()))
                .put("deviation", number(x.deviation())).put("postOnly", o.postOnly())
                .put("originalSize", number(o.amount())).put("remainingSize", number(o.remaining()))
                .put("time_in_force", x.timeInForce());
        return row;
    }

    /** The row of a refused order: its status code, what was asked, no order id. */
    static ObjectNode refused(int status, String message, String symbol, Side side, BigDecimal price, BigDecimal size,
                              String clOrderId, long timestamp) {
        ObjectNode row = MAPPER.createObjectNode();
        row.put("status", status).put("symbol", symbol).put("orderType", 0).put("price", number(price))
                .put("side", side == null ? "" : BtseWire.side(side)).put("size", number(size)).put("orderID", "")
                .put("timestamp", timestamp).put("triggerPrice", 0).put("stopPrice", 0).put("trigger", false)
                .put("message", message).put("averageFillPrice", 0).put("fillSize", 0).put("clOrderID", clOrderId)
                .put("stealth", 0).put("deviation", 0).put("postOnly", false).put("originalSize", number(size))
                .put("remainingSize", 0).put("time_in_force", "");
        return row;
    }

    /** A row of {@code user/open_orders} and of {@code GET order}. */
    static ObjectNode open(BtseOrders.Entry e, SimOrder o) {
        BtseOrders.Extras x = e.extras;
        boolean stop = o.type() == OrderType.STOP_LIMIT || o.type() == OrderType.STOP_MARKET;
        BigDecimal price = o.limitPrice() == null ? BigDecimal.ZERO : o.limitPrice();
        ObjectNode row = MAPPER.createObjectNode();
        row.put("orderType", orderType(e, o)).put("price", number(price)).put("size", number(o.amount()))
                .put("side", BtseWire.side(o.side()))
                .put("orderValue", number(o.amount() == null ? BigDecimal.ZERO : price.multiply(o.amount())))
                .put("filledSize", number(o.filled())).put("pegPriceMin", 0).put("pegPriceMax", 0)
                .put("pegPriceDeviation", number(x.deviation())).put("cancelDuration", 0)
                .put("timestamp", o.createdAt().toEpochMilli()).put("orderID", e.orderId)
                .put("triggerOrder", stop).put("triggerPrice", number(x.triggerPrice()))
                .put("triggerOriginalPrice", number(stop ? o.stopPrice() : null))
                .put("triggerOrderType", stop ? orderType(e, o) : 0)
                .put("triggerTrailingStopDeviation", number(x.trailValue()))
                .put("triggerStopPrice", number(x.stopPrice())).put("symbol", BtseWire.symbol(o.pair()))
                .put("trailValue", number(x.trailValue())).put("averageFillPrice", number(o.averagePrice()))
                .put("fillSize", number(o.filled())).put("clOrderID", o.clientOrderId())
                .put("orderState", stop && !o.triggered() ? "STATUS_INACTIVE" : "STATUS_ACTIVE")
                .put("timeInForce", x.timeInForce()).put("triggered", o.triggered());
        return row;
    }

    /** The {@code data} of a {@code notificationApiV2} frame (an object since 2023-08). */
    static ObjectNode notification(BtseOrders.Entry e, SimOrder o, int status) {
        BtseOrders.Extras x = e.extras;
        ObjectNode data = MAPPER.createObjectNode();
        data.put("symbol", BtseWire.symbol(o.pair())).put("orderID", e.orderId).put("side", BtseWire.side(o.side()))
                .put("type", Integer.toString(orderType(e, o))).put("price", number(o.limitPrice()))
                .put("size", number(o.amount())).put("originalSize", number(o.amount()))
                .put("avgFillPrice", number(o.averagePrice())).put("fillSize", number(o.filled()))
                .put("status", status).put("clOrderID", o.clientOrderId()).put("maker", o.filled().signum() == 0)
                .put("stealth", number(x.stealth())).put("timestamp", o.updatedAt().toEpochMilli())
                .put("pegPriceDeviation", number(x.deviation())).put("remainingSize", number(o.remaining()))
                .put("time_in_force", x.timeInForce()).put("txType", x.txType())
                .put("triggerPrice", number(x.triggerPrice()));
        return data;
    }

    /** One item of a {@code fills} frame: one account's side of a trade. */
    static ObjectNode fill(SimTrade t, long account, String orderId, String clOrderId, int orderType) {
        boolean maker = t.makerAccount() == account && t.takerAccount() != account;
        Side side = t.sideOf(account);
        String feeCurrency = side == Side.BUY ? t.pair().base() : t.pair().quote();
        ObjectNode item = MAPPER.createObjectNode();
        item.put("orderId", orderId).put("serialId", t.id()).put("clOrderId", clOrderId)
                .put("type", Integer.toString(orderType)).put("symbol", BtseWire.symbol(t.pair()))
                .put("side", BtseWire.side(side)).put("price", number(t.price())).put("size", number(t.amount()))
                .put("feeAmount", number(maker ? t.makerFee() : t.takerFee())).put("feeCurrency", feeCurrency)
                .put("base", t.pair().base()).put("quote", t.pair().quote()).put("maker", maker)
                .put("timestamp", t.time().toEpochMilli()).put("tradeId", Long.toString(t.id()));
        return item;
    }
}
