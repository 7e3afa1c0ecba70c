package io.exflux.testkit.sim;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An immutable picture of a simulated order at one moment. A cancelled order that had fills is
 * {@link OrderStatus#CANCELED} with a positive {@code filled}.
 *
 * @param id            venue order id
 * @param accountId     owner
 * @param pair          market
 * @param side          buy or sell
 * @param type          the type it was placed with
 * @param timeInForce   GTC, IOC or FOK
 * @param postOnly      whether it was post-only
 * @param amount        base amount asked for, null for a market order by quote amount
 * @param quoteAmount   quote amount asked for (market by quote), else null
 * @param limitPrice    limit price, null for market orders
 * @param stopPrice     stop price, null unless a stop order
 * @param stopCondition stop direction, null unless a stop order
 * @param triggered     true once a stop order has been triggered
 * @param filled        base amount filled so far
 * @param filledValue   quote value filled so far
 * @param canceled      base amount cancelled (market by quote: zero)
 * @param status        life-cycle state
 * @param wallet        wallet of the funds
 * @param clientOrderId client text, may be null
 * @param createdAt     when it was accepted
 * @param updatedAt     last change
 * @param doneAt        when it became final, else null
 */
public record SimOrder(long id, long accountId, CurrencyPair pair, Side side, OrderType type,
                       TimeInForce timeInForce, boolean postOnly, BigDecimal amount, BigDecimal quoteAmount,
                       BigDecimal limitPrice, BigDecimal stopPrice, StopCondition stopCondition, boolean triggered,
                       BigDecimal filled, BigDecimal filledValue, BigDecimal canceled, OrderStatus status,
                       String wallet, String clientOrderId, Instant createdAt, Instant updatedAt, Instant doneAt) {

    /** Base amount still open: amount minus filled minus cancelled (zero for a market order by quote). */
    public BigDecimal remaining() {
        return amount == null ? BigDecimal.ZERO : amount.subtract(filled).subtract(canceled);
    }

    /** Average fill price, null before the first fill. */
    public BigDecimal averagePrice() {
        if (filled.signum() == 0) {
            return null;
        }
        return filledValue.divide(filled, Math.max(8, filledValue.scale()), java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }
}
