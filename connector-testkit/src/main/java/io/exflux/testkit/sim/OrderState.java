package io.exflux.testkit.sim;

import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import java.math.BigDecimal;
import java.time.Instant;

/** The mutable order inside the engine; only {@link SimExchange} touches it, on its own thread. */
final class OrderState {

    final long id;
    final SimOrderRequest request;
    final MarketSpec market;
    final StopCondition stopCondition;
    final Instant createdAt;
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal filledValue = BigDecimal.ZERO;
    BigDecimal canceled = BigDecimal.ZERO;
    /** What this order still holds reserved in its spending currency. */
    BigDecimal reserved = BigDecimal.ZERO;
    OrderStatus status = OrderStatus.PENDING;
    boolean triggered;
    Instant updatedAt;
    Instant doneAt;

    OrderState(long id, SimOrderRequest request, MarketSpec market, StopCondition stopCondition, Instant now) {
        this.id = id;
        this.request = request;
        this.market = market;
        this.stopCondition = stopCondition;
        this.createdAt = now;
        this.updatedAt = now;
    }

    boolean isStop() {
        return request.type() == OrderType.STOP_LIMIT || request.type() == OrderType.STOP_MARKET;
    }

    /** True when it executes like a limit order (limit, or a triggered stop-limit). */
    boolean hasLimit() {
        return request.limitPrice() != null
                && (request.type() == OrderType.LIMIT || request.type() == OrderType.STOP_LIMIT);
    }

    BigDecimal remaining() {
        return request.amount() == null ? BigDecimal.ZERO : request.amount().subtract(filled).subtract(canceled);
    }

    SimOrder snapshot() {
        SimOrderRequest r = request;
        return new SimOrder(id, r.accountId(), r.pair(), r.side(), r.type(), r.timeInForce(), r.postOnly(),
                r.amount(), r.quoteAmount(), r.limitPrice(), r.stopPrice(), isStop() ? stopCondition : null,
                triggered, filled, filledValue, canceled, status, r.wallet(), r.clientOrderId(), createdAt,
                updatedAt, doneAt);
    }
}
