package io.exflux.testkit.sim;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One match between a resting (maker) order and an incoming (taker) order.
 *
 * @param id           venue trade id, increasing
 * @param pair         market
 * @param price        the maker's price
 * @param amount       base amount
 * @param takerSide    the side of the incoming order ("buy" trade when the taker bought)
 * @param makerOrderId resting order
 * @param takerOrderId incoming order
 * @param makerAccount owner of the resting order
 * @param takerAccount owner of the incoming order
 * @param makerFee     fee charged to the maker, in the currency it received
 * @param takerFee     fee charged to the taker, in the currency it received
 * @param time         when it happened
 */
public record SimTrade(long id, CurrencyPair pair, BigDecimal price, BigDecimal amount, Side takerSide,
                       long makerOrderId, long takerOrderId, long makerAccount, long takerAccount,
                       BigDecimal makerFee, BigDecimal takerFee, Instant time) {

    /** Quote value: price times amount. */
    public BigDecimal value() {
        return price.multiply(amount);
    }

    /** The side of the given account's order in this trade, or null when it did not take part. */
    public Side sideOf(long accountId) {
        if (accountId == takerAccount) {
            return takerSide;
        }
        return accountId == makerAccount ? takerSide.opposite() : null;
    }
}
