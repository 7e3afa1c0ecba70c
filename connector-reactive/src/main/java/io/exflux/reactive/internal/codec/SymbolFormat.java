package io.exflux.reactive.internal.codec;

import io.exflux.api.model.CurrencyPair;
import java.util.Objects;

/**
 * A venue's market symbol of the form {@code BASE<separator>QUOTE} ({@code BTC_USDT}, {@code BTC-USD}),
 * both ways. Immutable and thread-safe.
 */
public final class SymbolFormat {

    private static final int RECENT_SLOTS = 64;

    private final String separator;
    /**
     * Symbols parsed lately: a stream names the same few markets in every frame, and building a {@code CurrencyPair}
     * (with its checks) was a fifth of the work from a book frame to the book. Shared between threads without
     * locks: a slot holds an immutable {@link Parsed}, so a racing reader sees a whole one or another.
     */
    private final Parsed[] recent = new Parsed[RECENT_SLOTS];

    private record Parsed(String symbol, CurrencyPair pair) {
    }

    /** The format joining base and quote with {@code separator}, which must not be empty. */
    public SymbolFormat(String separator) {
        Objects.requireNonNull(separator, "separator");
        if (separator.isEmpty()) {
            throw new IllegalArgumentException("separator must not be empty");
        }
        this.separator = separator;
    }

    /** {@code BTC/USDT} to {@code BTC_USDT} (for the separator {@code _}). */
    public String format(CurrencyPair pair) {
        return pair.symbol(separator);
    }

    /**
     * {@code BTC_USDT} (any case) to {@code BTC/USDT}.
     *
     * @throws IllegalArgumentException when the text is not exactly one base, the separator and one quote
     */
    public CurrencyPair parse(String symbol) {
        if (symbol == null) {
            throw new IllegalArgumentException("symbol is null");
        }
        int slot = symbol.hashCode() & (RECENT_SLOTS - 1);
        Parsed parsed = recent[slot];
        if (parsed != null && (parsed.symbol == symbol || parsed.symbol.equals(symbol))) {
            return parsed.pair;
        }
        CurrencyPair pair = parseNew(symbol);
        recent[slot] = new Parsed(symbol, pair);
        return pair;
    }

    private CurrencyPair parseNew(String symbol) {
        int at = symbol.indexOf(separator);
        if (at <= 0 || at != symbol.lastIndexOf(separator) || at + separator.length() >= symbol.length()) {
            throw new IllegalArgumentException("not a symbol of the form BASE" + separator + "QUOTE: '" + symbol + "'");
        }
        return CurrencyPair.of(symbol.substring(0, at), symbol.substring(at + separator.length()));
    }

    @Override
    public String toString() {
        return "BASE" + separator + "QUOTE";
    }
}
