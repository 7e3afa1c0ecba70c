package io.exflux.reactive.venue.v1.model;

import io.exflux.reactive.venue.v1.internal.V1ModelAccess;
import java.math.BigDecimal;
import java.util.List;

/** The model's side of {@link V1ModelAccess}: installs itself when loaded. */
final class V1PackedRecords implements V1ModelAccess.Records {

    static {
        V1ModelAccess.install(new V1PackedRecords());
    }

    private V1PackedRecords() {
    }

    @Override
    public V1Trade trade(long tid, V1Side type, long price, BigDecimal widePrice, long amount, BigDecimal wideAmount,
                         long orderId) {
        return new V1Trade(tid, type, price, widePrice, amount, wideAmount, orderId);
    }

    @Override
    public V1BookEvent.NewOrder newOrder(Boolean success, long seconds, int nanos, long oid, V1Side type, long price,
                                         long amount, String pair, BigDecimal[] wide, long tradeId, V1Side tradeType,
                                         long tradePrice, long tradeAmount, long tradeOrderId) {
        return new V1BookEvent.NewOrder(success, seconds, nanos, oid, type, price, amount, pair, wide, tradeId, tradeType,
                tradePrice, tradeAmount, tradeOrderId);
    }

    @Override
    public V1BookEvent.NewOrder newOrder(Boolean success, long seconds, int nanos, long oid, V1Side type, long price,
                                         BigDecimal widePrice, long amount, BigDecimal wideAmount, String pair,
                                         List<V1Trade> trades) {
        return new V1BookEvent.NewOrder(success, seconds, nanos, oid, type, price, widePrice, amount, wideAmount, pair, trades);
    }

    @Override
    public V1BookEvent.Cancel cancel(Boolean success, long seconds, int nanos, long oid, boolean hasCancelOrderId,
                                     long cancelOrderId, V1Side type, long price, BigDecimal widePrice, long amount,
                                     BigDecimal wideAmount, String pair) {
        return new V1BookEvent.Cancel(success, seconds, nanos, oid, hasCancelOrderId, cancelOrderId, type, price, widePrice,
                amount, wideAmount, pair);
    }
}
