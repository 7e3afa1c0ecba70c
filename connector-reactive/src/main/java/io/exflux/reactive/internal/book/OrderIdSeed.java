package io.exflux.reactive.internal.book;

import java.util.List;

/**
 * A REST book listing its resting orders by id. A side that is not complete was cut at the limit asked for: beyond
 * its worst price the seed says nothing.
 *
 * @param orders        the resting orders, both sides
 * @param bidsComplete  whether every buy order is listed (fewer than the limit came back)
 * @param asksComplete  whether every sell order is listed
 */
public record OrderIdSeed(List<OrderIdBook.RestingOrder> orders, boolean bidsComplete, boolean asksComplete) {
    public OrderIdSeed {
        orders = List.copyOf(orders);
    }
}
