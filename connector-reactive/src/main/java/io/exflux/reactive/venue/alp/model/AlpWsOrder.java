package io.exflux.reactive.venue.alp.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An {@code o} frame (19 elements, after {@code auth}): {@code [o, time, orderId, symbol, side,
 * orderType, baseAmount, limitPrice, amountUnfilled, amountFilled, amountCancelled, valueFilled,
 * priceAvg?, doneAt?, status, quoteAmount?, walletType, stopPrice?, stopOperator]}. Optional values are
 * {@code null}; an empty {@code stopOperator} is {@code null}. Enumerations keep the venue's text.
 */
public record AlpWsOrder(
        Instant time,
        long orderId,
        String symbol,
        String side,
        String orderType,
        BigDecimal baseAmount,
        BigDecimal limitPrice,
        BigDecimal amountUnfilled,
        BigDecimal amountFilled,
        BigDecimal amountCancelled,
        BigDecimal valueFilled,
        BigDecimal priceAvg,
        Instant doneAt,
        String status,
        BigDecimal quoteAmount,
        String walletType,
        BigDecimal stopPrice,
        String stopOperator) implements AlpMessage {
}
