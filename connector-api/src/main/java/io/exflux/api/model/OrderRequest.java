package io.exflux.api.model;

import java.math.BigDecimal;

/**
 * What to place. The records take any values, so that a client can report bad input as a typed
 * error from the {@code Mono} it returns rather than as an exception at construction time; see
 * {@link OrderRequestRules}.
 */
public sealed interface OrderRequest
        permits OrderRequest.Limit, OrderRequest.Market, OrderRequest.StopLimit, OrderRequest.StopMarket {

    /** The market. */
    CurrencyPair pair();

    /** Buy or sell. */
    Side side();

    /** The caller's id for the order, or {@code null}. Lets a caller reconcile after an ambiguous failure. */
    String clientOrderId();

    /** Which currency a market order's amount is counted in. */
    enum AmountUnit { BASE, QUOTE }

    /** Stop trigger direction: fire when the price rises to the stop, or falls to it. */
    enum Trigger { RISES_TO, FALLS_TO }

    /** A limit order. */
    record Limit(CurrencyPair pair, Side side, BigDecimal amount, BigDecimal price, TimeInForce timeInForce,
                 boolean postOnly, String clientOrderId) implements OrderRequest {

        /** A copy with this client order id (lets an ambiguous failure be looked up). */
        public Limit withClientOrderId(String id) {
            return new Limit(pair, side, amount, price, timeInForce, postOnly, id);
        }

        /** A copy that is (or is not) rejected rather than taking liquidity. */
        public Limit withPostOnly(boolean value) {
            return new Limit(pair, side, amount, price, timeInForce, value, clientOrderId);
        }

        /** A copy with this time in force. */
        public Limit withTimeInForce(TimeInForce value) {
            return new Limit(pair, side, amount, price, value, postOnly, clientOrderId);
        }
    }

    /** A market order, sized in base or in quote currency. */
    record Market(CurrencyPair pair, Side side, BigDecimal amount, AmountUnit unit, String clientOrderId)
            implements OrderRequest {

        /** A copy with this client order id (lets an ambiguous failure be looked up). */
        public Market withClientOrderId(String id) {
            return new Market(pair, side, amount, unit, id);
        }
    }

    /** A limit order that enters the book when the last price reaches {@code stopPrice}. */
    record StopLimit(CurrencyPair pair, Side side, BigDecimal amount, BigDecimal stopPrice, Trigger trigger,
                     BigDecimal price, String clientOrderId) implements OrderRequest {

        /** A copy with this client order id (lets an ambiguous failure be looked up). */
        public StopLimit withClientOrderId(String id) {
            return new StopLimit(pair, side, amount, stopPrice, trigger, price, id);
        }
    }

    /** A market order sent when the last price reaches {@code stopPrice}. */
    record StopMarket(CurrencyPair pair, Side side, BigDecimal amount, BigDecimal stopPrice, Trigger trigger,
                      String clientOrderId) implements OrderRequest {

        /** A copy with this client order id (lets an ambiguous failure be looked up). */
        public StopMarket withClientOrderId(String id) {
            return new StopMarket(pair, side, amount, stopPrice, trigger, id);
        }
    }

    /** A good-till-cancelled limit order. */
    static Limit limit(CurrencyPair pair, Side side, BigDecimal amount, BigDecimal price) {
        return new Limit(pair, side, amount, price, TimeInForce.GTC, false, null);
    }

    /** A market order sized in base currency. */
    static Market market(CurrencyPair pair, Side side, BigDecimal baseAmount) {
        return new Market(pair, side, baseAmount, AmountUnit.BASE, null);
    }

    /** A market order sized in quote currency (spend, or receive, this much quote). */
    static Market marketByQuote(CurrencyPair pair, Side side, BigDecimal quoteAmount) {
        return new Market(pair, side, quoteAmount, AmountUnit.QUOTE, null);
    }

    /** A stop-limit order whose trigger direction follows the side: a buy stop fires on a rise. */
    static StopLimit stopLimit(CurrencyPair pair, Side side, BigDecimal amount, BigDecimal stopPrice,
                               BigDecimal price) {
        return new StopLimit(pair, side, amount, stopPrice, defaultTrigger(side), price, null);
    }

    /** A stop-market order whose trigger direction follows the side: a buy stop fires on a rise. */
    static StopMarket stopMarket(CurrencyPair pair, Side side, BigDecimal amount, BigDecimal stopPrice) {
        return new StopMarket(pair, side, amount, stopPrice, defaultTrigger(side), null);
    }

    private static Trigger defaultTrigger(Side side) {
        return side == Side.SELL ? Trigger.FALLS_TO : Trigger.RISES_TO;
    }
}
