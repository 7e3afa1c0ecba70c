package io.exflux.reactive.venue.btse.internal;

import io.exflux.api.model.OrderAmendment;
import io.exflux.api.model.OrderRequest;
import io.exflux.reactive.venue.btse.model.BtseAmendRequest;
import io.exflux.reactive.venue.btse.model.BtseAmendType;
import io.exflux.reactive.venue.btse.model.BtseOrderRequest;
import io.exflux.reactive.venue.btse.model.BtseOrderType;
import io.exflux.reactive.venue.btse.model.BtseTimeInForce;
import io.exflux.reactive.venue.btse.model.BtseTxType;

/**
 * Unified order requests and amendments as BTSE's: a limit order is LIMIT with its time in force and post-only; a
 * market order sized in base is MARKET; a stop-limit is LIMIT with {@code txType} STOP and its {@code stopPrice}; a
 * stop-market is MARKET with {@code txType} STOP. An amendment of one value is PRICE, SIZE or TRIGGERPRICE, of
 * several ALL.
 */
public final class BtseOrderRequests {

    private BtseOrderRequests() {
    }

    /** BTSE's request for a checked unified one (a market order sized in quote is refused before this). */
    public static BtseOrderRequest of(OrderRequest request) {
        String symbol = BtseMapper.symbol(request.pair());
        String side = request.side().name();
        if (request instanceof OrderRequest.Limit l) {
            return new BtseOrderRequest(symbol, l.amount(), side, BtseOrderType.LIMIT, l.price(),
                    BtseTimeInForce.valueOf(l.timeInForce().name()), BtseTxType.LIMIT, null, null, null,
                    l.postOnly() ? Boolean.TRUE : null, l.clientOrderId(), null, null, null);
        }
        if (request instanceof OrderRequest.Market m) {
            return new BtseOrderRequest(symbol, m.amount(), side, BtseOrderType.MARKET, null, null, null, null, null,
                    null, null, m.clientOrderId(), null, null, null);
        }
        if (request instanceof OrderRequest.StopLimit s) {
            return new BtseOrderRequest(symbol, s.amount(), side, BtseOrderType.LIMIT, s.price(),
                    BtseTimeInForce.GTC, BtseTxType.STOP, s.stopPrice(), null, null, null, s.clientOrderId(), null,
                    null, null);
        }
        OrderRequest.StopMarket s = (OrderRequest.StopMarket) request;
        return new BtseOrderRequest(symbol, s.amount(), side, BtseOrderType.MARKET, null, null, BtseTxType.STOP,
                s.stopPrice(), null, null, null, s.clientOrderId(), null, null, null);
    }

    /** BTSE's amendment for a checked unified one. */
    public static BtseAmendRequest of(OrderAmendment a) {
        String symbol = BtseMapper.symbol(a.pair());
        if (a.changeCount() > 1) {
            return new BtseAmendRequest(symbol, a.orderId(), a.clientOrderId(), BtseAmendType.ALL, null, a.price(),
                    a.amount(), a.triggerPrice());
        }
        BtseAmendType type = a.price() != null ? BtseAmendType.PRICE
                : a.amount() != null ? BtseAmendType.SIZE : BtseAmendType.TRIGGERPRICE;
        java.math.BigDecimal value = a.price() != null ? a.price() : a.amount() != null ? a.amount() : a.triggerPrice();
        return new BtseAmendRequest(symbol, a.orderId(), a.clientOrderId(), type, value, null, null, null);
    }
}
