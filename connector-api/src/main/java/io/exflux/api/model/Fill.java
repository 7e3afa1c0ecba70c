package io.exflux.api.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of one of the caller's orders (an account trade).
 *
 * @param maker       true when the caller's order was resting, {@code null} when the venue does not say
 * @param fee         fee charged, {@code null} when the venue does not say
 * @param feeCurrency currency of the fee, {@code null} when the venue does not say
 */
public record Fill(
        String id,
        String orderId,
        CurrencyPair pair,
        Side side,
        BigDecimal price,
        BigDecimal amount,
        BigDecimal fee,
        String feeCurrency,
        Boolean maker,
        Instant timestamp) {

    /** Id, pair, side and time are required; price and amount are positive. */
    public Fill {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(side, "side");
        Decimals.positive(price, "price");
        Decimals.positive(amount, "amount");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
