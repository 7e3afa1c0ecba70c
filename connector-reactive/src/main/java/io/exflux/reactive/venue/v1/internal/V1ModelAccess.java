package io.exflux.reactive.venue.v1.internal;

import io.exflux.reactive.internal.codec.ModelDoor;
import io.exflux.reactive.venue.v1.model.V1BookEvent;
import io.exflux.reactive.venue.v1.model.V1Side;
import io.exflux.reactive.venue.v1.model.V1Trade;
import java.math.BigDecimal;
import java.util.List;

/**
 * The event reader's door to the book events' packed form, which is not API: the records keep prices and amounts
 * as {@link io.exflux.reactive.internal.codec.PackedDecimal}s and make their {@code BigDecimal}s on access. Users
 * build them from {@code BigDecimal}s; the reader builds them from packed values through this door, which the
 * model package opens when it is loaded (as {@code AlpModelAccess} does for ALP).
 *
 * <p>In every method a value that packs is given packed; one that does not is {@code PackedDecimal.NONE} with
 * its {@code BigDecimal} beside it (the {@code wide} arguments, else ignored). Times are given as epoch seconds and
 * nanos (of the second): the records make the {@code Instant} on access.
 */
public final class V1ModelAccess {

    /** The packed constructors, implemented in the model package. */
    public interface Records {

        V1Trade trade(long tid, V1Side type, long price, BigDecimal widePrice, long amount, BigDecimal wideAmount,
                      long orderId);

        /** A new order with exactly one trade, kept inline; {@code wide}: null, or price, amount, trade price, trade amount. */
        V1BookEvent.NewOrder newOrder(Boolean success, long seconds, int nanos, long oid, V1Side type, long price,
                                      long amount, String pair, BigDecimal[] wide, long tradeId, V1Side tradeType, long tradePrice,
                                      long tradeAmount, long tradeOrderId);

        /** A new order with any number of trades ({@code trades} is kept: an unmodifiable list). */
        V1BookEvent.NewOrder newOrder(Boolean success, long seconds, int nanos, long oid, V1Side type, long price,
                                      BigDecimal widePrice, long amount, BigDecimal wideAmount, String pair,
                                      List<V1Trade> trades);

        V1BookEvent.Cancel cancel(Boolean success, long seconds, int nanos, long oid, boolean hasCancelOrderId,
                                  long cancelOrderId, V1Side type, long price, BigDecimal widePrice, long amount,
                                  BigDecimal wideAmount, String pair);
    }

    private static final ModelDoor<Records> DOOR = new ModelDoor<>(
            V1BookEvent.class.getPackageName() + ".V1PackedRecords", V1ModelAccess.class.getClassLoader());

    private V1ModelAccess() {
    }

    /** Called once, by the model package's implementation when it is loaded. */
    public static void install(Records implementation) {
        DOOR.install(implementation);
    }

    static Records records() {
        return DOOR.get();
    }
}
