package io.exflux.reactive.venue.v1.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /v1/order/}: the new order's id ({@code oid}), side, price, the amount that remained after matching,
 * and the trades it made at once. {@code success} is {@code null} where the venue leaves it out (BTC-Alpha).
 */
public record V1PlacedOrder(Boolean success, long oid, V1Side type, Instant date, BigDecimal price,
                            BigDecimal amount, List<V1Trade> trades) {
    public V1PlacedOrder {
        trades = List.copyOf(trades);
    }
}
