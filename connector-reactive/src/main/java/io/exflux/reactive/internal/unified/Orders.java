package io.exflux.reactive.internal.unified;

import io.exflux.api.model.Order;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderRequestRules;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import java.math.BigDecimal;

/** Unified orders built from what the caller sent, for venues that acknowledge a placement with an id only. */
public final class Orders {

    private Orders() {
    }

    /**
     * The order as placed: the venue's id, status {@link OrderStatus#PENDING}, and the request's pair,
     * side, type, prices and amount (a market order sized in quote carries it as the quote amount). Fills,
     * average price and times are unknown until the venue reports them.
     */
    public static Order pending(String id, OrderRequest request) {
        boolean byQuote = request instanceof OrderRequest.Market m && m.unit() == OrderRequest.AmountUnit.QUOTE;
        BigDecimal amount = OrderRequestRules.amount(request);
        return new Order(id, request.clientOrderId(), request.pair(), request.side(), type(request),
                OrderStatus.PENDING, null, OrderRequestRules.limitPrice(request), OrderRequestRules.stopPrice(request),
                byQuote ? null : amount, null, null, byQuote ? amount : null,
                request instanceof OrderRequest.Limit l ? l.timeInForce() : null, null, null);
    }

    /** The unified type of a request. */
    public static OrderType type(OrderRequest request) {
        if (request instanceof OrderRequest.Limit) {
            return OrderType.LIMIT;
        }
        if (request instanceof OrderRequest.Market) {
            return OrderType.MARKET;
        }
        return request instanceof OrderRequest.StopLimit ? OrderType.STOP_LIMIT : OrderType.STOP_MARKET;
    }
}
