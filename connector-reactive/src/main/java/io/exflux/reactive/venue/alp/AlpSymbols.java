package io.exflux.reactive.venue.alp;

import io.exflux.api.model.CurrencyPair;

/** ALP's market symbols: {@code BTC_USDT} (upper case, one underscore) to and from {@link CurrencyPair}. */
public final class AlpSymbols {

    private AlpSymbols() {
    }

    /** {@code BTC/USDT} to {@code BTC_USDT}. */
    public static String symbol(CurrencyPair pair) {
        return pair.symbol("_");
    }

    /**
     * {@code BTC_USDT} (any case) to {@code BTC/USDT}.
     *
     * @throws IllegalArgumentException when the text is not {@code BASE_QUOTE}
     */
    public static CurrencyPair pair(String symbol) {
        if (symbol == null) {
            throw new IllegalArgumentException("ALP symbol is null");
        }
        int at = symbol.indexOf('_');
        if (at <= 0 || at != symbol.lastIndexOf('_') || at == symbol.length() - 1) {
            throw new IllegalArgumentException("not an ALP symbol (expected BASE_QUOTE): '" + symbol + "'");
        }
        return CurrencyPair.of(symbol.substring(0, at), symbol.substring(at + 1));
    }
}
