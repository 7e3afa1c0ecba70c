package io.exflux.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a venue allows on one market.
 *
 * @param pair           the market
 * @param symbol         the venue's own spelling of the market, for example {@code BTC_USDT}
 * @param priceScale     the most decimals a price may have, or {@code null} when the venue does not say
 *                       (unknown: no decimal check is made, never read as 0)
 * @param amountScale    the most decimals an amount may have, or {@code null} when the venue does not say
 * @param minAmount      smallest order size in base currency, or {@code null} when the venue sets none
 * @param maxAmount      largest order size in base currency, or {@code null} when the venue sets none
 * @param minNotional    smallest order value (price times amount) in quote currency, or {@code null}
 */
public record PairInfo(
        CurrencyPair pair,
        String symbol,
        Integer priceScale,
        Integer amountScale,
        BigDecimal minAmount,
        BigDecimal maxAmount,
        BigDecimal minNotional) {

    /** Pair and symbol are required; scales lie in 0..18 when known; limits are not negative when given. */
    public PairInfo {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(symbol, "symbol");
        if (priceScale != null && (priceScale < 0 || priceScale > 18)) {
            throw new IllegalArgumentException("priceScale out of range 0..18: " + priceScale);
        }
        if (amountScale != null && (amountScale < 0 || amountScale > 18)) {
            throw new IllegalArgumentException("amountScale out of range 0..18: " + amountScale);
        }
        Decimals.nonNegativeOrNull(minAmount, "minAmount");
        Decimals.nonNegativeOrNull(maxAmount, "maxAmount");
        Decimals.nonNegativeOrNull(minNotional, "minNotional");
    }
}
