package io.exflux.testkit.sim;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Side;
import java.math.BigDecimal;

/**
 * Something that changed in a simulated venue, in the order it happened. {@code sequence} grows by one
 * per event across the whole venue.
 */
public sealed interface SimEvent {

    /** Position of this event in the venue's feed. */
    long sequence();

    /**
     * The total resting amount at one price level changed.
     *
     * @param side   BUY for the bid side, SELL for the ask side
     * @param amount new total at that price; zero when the level is gone
     * @param delta  change of the total (new minus old)
     */
    record BookChanged(long sequence, CurrencyPair pair, Side side, BigDecimal price, BigDecimal amount,
                       BigDecimal delta) implements SimEvent {
    }

    /** A trade happened. */
    record Traded(long sequence, SimTrade trade) implements SimEvent {
    }

    /** An order was accepted or changed. */
    record OrderUpdated(long sequence, SimOrder order) implements SimEvent {
    }

    /** A balance (total or reserved) changed. */
    record BalanceUpdated(long sequence, SimBalance balance) implements SimEvent {
    }
}
