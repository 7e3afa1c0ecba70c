package io.exflux.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The account's fee rates on one market, as fractions of the traded value ({@code 0.001} is 0.1%); a negative
 * maker fee is a rebate.
 *
 * @param pair  the market, or {@code null} when the venue's fees are the same on every market
 * @param maker the rate for orders that rest on the book
 * @param taker the rate for orders that take liquidity
 */
public record TradingFee(CurrencyPair pair, BigDecimal maker, BigDecimal taker) {

    /** Both rates are required. */
    public TradingFee {
        Objects.requireNonNull(maker, "maker");
        Objects.requireNonNull(taker, "taker");
    }
}
