package io.exflux.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One price level of a book: a price and the amount (in base currency) resting there. In an
 * {@link OrderBookUpdate} the amount may be zero (the level is gone) or, for venues that send
 * differences, negative.
 */
public record PriceLevel(BigDecimal price, BigDecimal amount) {

    public PriceLevel {
        Decimals.positive(price, "price");
        Objects.requireNonNull(amount, "amount");
    }

    public static PriceLevel of(String price, String amount) {
        return new PriceLevel(new BigDecimal(price), new BigDecimal(amount));
    }
}
