package io.exflux.api.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A public trade.
 *
 * @param id        the venue's trade id
 * @param takerSide the side of the order that took liquidity, or {@code null} when the venue does not say
 */
public record Trade(
        CurrencyPair pair,
        String id,
        BigDecimal price,
        BigDecimal amount,
        Side takerSide,
        Instant timestamp) {

    /** Pair, id and time are required; price and amount are positive. */
    public Trade {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(id, "id");
        Decimals.positive(price, "price");
        Decimals.positive(amount, "amount");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
