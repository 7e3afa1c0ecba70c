package io.exflux.reactive.venue.alp.model;

import java.math.BigDecimal;

/**
 * The body of {@code POST /trading/order}, venue-typed. Use the factories; the fields are sent as the
 * document names them, amounts and prices as decimal strings, and only the fields that are set.
 *
 * @param pair          symbol, e.g. {@code BTC_USDT}
 * @param clientOrderId the caller's id, or {@code null}
 * @param postOnly      {@code true} to place as maker only (limit orders), or {@code null}
 */
public record AlpOrderRequest(
        String pair,
        AlpOrderType orderType,
        AlpSide side,
        AlpWalletType walletType,
        BigDecimal baseAmount,
        BigDecimal quoteAmount,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        AlpStopOperator stopOperator,
        String clientOrderId,
        Boolean postOnly) {

    /** A limit order on the spot wallet. */
    public static AlpOrderRequest limit(String pair, AlpSide side, BigDecimal baseAmount, BigDecimal limitPrice) {
        return new AlpOrderRequest(pair, AlpOrderType.LIMIT, side, AlpWalletType.SPOT, baseAmount, null, limitPrice,
                null, null, null, null);
    }

    /** A market order sized in base currency (ALP: for sells). */
    public static AlpOrderRequest marketByBase(String pair, AlpSide side, BigDecimal baseAmount) {
        return new AlpOrderRequest(pair, AlpOrderType.MARKET, side, AlpWalletType.SPOT, baseAmount, null, null, null,
                null, null, null);
    }

    /** A market order sized in quote currency (ALP: required for buys). */
    public static AlpOrderRequest marketByQuote(String pair, AlpSide side, BigDecimal quoteAmount) {
        return new AlpOrderRequest(pair, AlpOrderType.MARKET, side, AlpWalletType.SPOT, null, quoteAmount, null, null,
                null, null, null);
    }

    /** A stop-limit order. */
    public static AlpOrderRequest stopLimit(String pair, AlpSide side, BigDecimal baseAmount, BigDecimal limitPrice,
                                            BigDecimal stopPrice, AlpStopOperator operator) {
        return new AlpOrderRequest(pair, AlpOrderType.STOP_LIMIT, side, AlpWalletType.SPOT, baseAmount, null,
                limitPrice, stopPrice, operator, null, null);
    }

    /** A stop-market order. */
    public static AlpOrderRequest stopMarket(String pair, AlpSide side, BigDecimal baseAmount, BigDecimal stopPrice,
                                             AlpStopOperator operator) {
        return new AlpOrderRequest(pair, AlpOrderType.STOP_MARKET, side, AlpWalletType.SPOT, baseAmount, null, null,
                stopPrice, operator, null, null);
    }

    /** A copy with this {@code client_order_id} (lets an ambiguous placement be looked up). */
    public AlpOrderRequest withClientOrderId(String id) {
        return new AlpOrderRequest(pair, orderType, side, walletType, baseAmount, quoteAmount, limitPrice, stopPrice,
                stopOperator, id, postOnly);
    }

    /** A copy that is (or is not) refused rather than taking liquidity. */
    public AlpOrderRequest withPostOnly(boolean value) {
        return new AlpOrderRequest(pair, orderType, side, walletType, baseAmount, quoteAmount, limitPrice, stopPrice,
                stopOperator, clientOrderId, value);
    }

    /** A copy placed on this wallet. */
    public AlpOrderRequest withWalletType(AlpWalletType value) {
        return new AlpOrderRequest(pair, orderType, side, value, baseAmount, quoteAmount, limitPrice, stopPrice,
                stopOperator, clientOrderId, postOnly);
    }
}
