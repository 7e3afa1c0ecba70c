package io.exflux.api.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order as the venue last reported it. Fields the venue did not report are {@code null}.
 *
 * @param id             the venue's order id
 * @param clientOrderId  the caller's id, when one was given and the venue echoes it
 * @param rawStatus      the venue's own status text, kept so that {@link OrderStatus#UNKNOWN} loses nothing
 * @param price          limit price, {@code null} for market orders
 * @param amount         ordered amount in base currency, {@code null} for market orders sized in quote
 * @param filledAmount   amount filled so far, in base currency
 * @param averagePrice   average fill price, when known
 * @param quoteAmount    ordered value in quote currency (market orders sized in quote), when known
 */
public record Order(
        String id,
        String clientOrderId,
        CurrencyPair pair,
        Side side,
        OrderType type,
        OrderStatus status,
        String rawStatus,
        BigDecimal price,
        BigDecimal stopPrice,
        BigDecimal amount,
        BigDecimal filledAmount,
        BigDecimal averagePrice,
        BigDecimal quoteAmount,
        TimeInForce timeInForce,
        Instant createdAt,
        Instant updatedAt) {

    /** Id, pair, side, type and status are required; a missing filled amount is zero. */
    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        filledAmount = filledAmount == null ? BigDecimal.ZERO : filledAmount;
        Decimals.nonNegative(filledAmount, "filledAmount");
    }

    /** The amount still open, or {@code null} when the ordered amount is not known in base currency. */
    public BigDecimal remainingAmount() {
        return amount == null ? null : amount.subtract(filledAmount).max(BigDecimal.ZERO);
    }
}
