package io.exflux.testkit.sim;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order as a simulated venue receives it. Market orders carry either a base {@code amount} or a
 * {@code quoteAmount}; limit orders a base amount and a {@code limitPrice}; stop orders also a
 * {@code stopPrice} and, optionally, a {@code stopCondition} (default: at or above for buys, at or below
 * for sells).
 *
 * @param accountId     the account that places the order
 * @param pair          the market
 * @param side          buy or sell
 * @param type          limit, market, stop-limit or stop-market
 * @param timeInForce   GTC, IOC or FOK (limit orders; market orders are always immediate)
 * @param postOnly      reject the order instead of letting it take liquidity
 * @param amount        base amount, or null for a market order by quote amount
 * @param quoteAmount   quote amount of a market order, else null
 * @param limitPrice    limit price, null for market orders
 * @param stopPrice     stop trigger price, null unless a stop order
 * @param stopCondition stop trigger direction, null for the default
 * @param wallet        the wallet the funds come from (e.g. SPOT)
 * @param clientOrderId free text echoed back, may be null
 */
public record SimOrderRequest(long accountId, CurrencyPair pair, Side side, OrderType type,
                              TimeInForce timeInForce, boolean postOnly, BigDecimal amount,
                              BigDecimal quoteAmount, BigDecimal limitPrice, BigDecimal stopPrice,
                              StopCondition stopCondition, String wallet, String clientOrderId) {

    /** The wallet used when none is named. */
    public static final String DEFAULT_WALLET = "SPOT";

    public SimOrderRequest {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        timeInForce = timeInForce == null ? TimeInForce.GTC : timeInForce;
        wallet = wallet == null ? DEFAULT_WALLET : wallet;
    }

    /** A good-till-cancelled limit order. */
    public static SimOrderRequest limit(long accountId, CurrencyPair pair, Side side, String amount, String price) {
        return new SimOrderRequest(accountId, pair, side, OrderType.LIMIT, TimeInForce.GTC, false,
                new BigDecimal(amount), null, new BigDecimal(price), null, null, null, null);
    }

    /** A market order for a base amount. */
    public static SimOrderRequest marketByBase(long accountId, CurrencyPair pair, Side side, String amount) {
        return new SimOrderRequest(accountId, pair, side, OrderType.MARKET, TimeInForce.IOC, false,
                new BigDecimal(amount), null, null, null, null, null, null);
    }

    /** A market order that spends (buy) or receives (sell) a quote amount. */
    public static SimOrderRequest marketByQuote(long accountId, CurrencyPair pair, Side side, String quoteAmount) {
        return new SimOrderRequest(accountId, pair, side, OrderType.MARKET, TimeInForce.IOC, false,
                null, new BigDecimal(quoteAmount), null, null, null, null, null);
    }

    /** The same order with another time in force. */
    public SimOrderRequest withTimeInForce(TimeInForce tif) {
        return new SimOrderRequest(accountId, pair, side, type, tif, postOnly, amount, quoteAmount, limitPrice,
                stopPrice, stopCondition, wallet, clientOrderId);
    }

    /** The same order as post-only (or not). */
    public SimOrderRequest withPostOnly(boolean only) {
        return new SimOrderRequest(accountId, pair, side, type, timeInForce, only, amount, quoteAmount, limitPrice,
                stopPrice, stopCondition, wallet, clientOrderId);
    }

    /** The same order turned into a stop order (limit becomes stop-limit, market becomes stop-market). */
    public SimOrderRequest withStop(String price, StopCondition condition) {
        OrderType stopType = type == OrderType.MARKET || type == OrderType.STOP_MARKET
                ? OrderType.STOP_MARKET : OrderType.STOP_LIMIT;
        return new SimOrderRequest(accountId, pair, side, stopType, timeInForce, postOnly, amount, quoteAmount,
                limitPrice, new BigDecimal(price), condition, wallet, clientOrderId);
    }

    /** The same order with a client order id. */
    public SimOrderRequest withClientOrderId(String id) {
        return new SimOrderRequest(accountId, pair, side, type, timeInForce, postOnly, amount, quoteAmount,
                limitPrice, stopPrice, stopCondition, wallet, id);
    }
}
