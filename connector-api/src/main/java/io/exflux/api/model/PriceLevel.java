package io.exflux.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One price level of a book: a price and the amount (in base currency) resting there. In an
 * {@link OrderBookUpdate} the amount may be zero (the level is gone) or, for venues that send
 * differences, negative.
 */
public record PriceLevel(BigDecimal price, BigDecimal amount) {

    /** The price is positive; the amount is required (zero or negative only in updates, see above). */
    public PriceLevel {
        Decimals.positive(price, "price");
        Objects.requireNonNull(amount, "amount");
    }

    /** A level from decimal texts, read exactly. */
    public static PriceLevel of(String price, String amount) {
        return new PriceLevel(new BigDecimal(price), new BigDecimal(amount));
    }
}
