package io.exflux.reactive.venue.alp;

import io.exflux.api.model.CurrencyPair;
import io.exflux.reactive.internal.codec.SymbolFormat;

/** ALP's market symbols: {@code BTC_USDT} (upper case, one underscore) to and from {@link CurrencyPair}. */
public final class AlpSymbols {

    private static final SymbolFormat FORMAT = new SymbolFormat("_");

    private AlpSymbols() {
    }

    /** {@code BTC/USDT} to {@code BTC_USDT}. */
    public static String symbol(CurrencyPair pair) {
        return FORMAT.format(pair);
    }

    /** The rule an unknown market breaks, as an error message says it. */
    public static String unknown(CurrencyPair pair) {
        return "unknown pair " + pair + ": ALP has no market " + symbol(pair);
    }

    /**
     * {@code BTC_USDT} (any case) to {@code BTC/USDT}.
     *
     * @throws IllegalArgumentException when the text is not {@code BASE_QUOTE}
     */
    public static CurrencyPair pair(String symbol) {
        return FORMAT.parse(symbol);
    }
}
