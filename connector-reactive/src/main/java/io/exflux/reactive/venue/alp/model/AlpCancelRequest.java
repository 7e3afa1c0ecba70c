package io.exflux.reactive.venue.alp.model;

import java.util.List;

/**
 * The body of {@code DELETE /trading/order}: exactly one of order ids, all, or one pair.
 */
public sealed interface AlpCancelRequest permits AlpCancelRequest.ByIds, AlpCancelRequest.All, AlpCancelRequest.ByPair {

    /** {@code {"order_ids":[...]}}: answered with a map of id to status. */
    record ByIds(List<Long> orderIds) implements AlpCancelRequest {
        public ByIds {
            orderIds = List.copyOf(orderIds);
        }
    }

    /** {@code {"all":true}}: answered 202 without a body. */
    record All() implements AlpCancelRequest {
    }

    /** {@code {"pair":"BTC_USDT"}}: answered 202 without a body. */
    record ByPair(String pair) implements AlpCancelRequest {
    }
}
