package io.exflux.api.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A market: the base currency bought or sold, priced in the quote currency. Each venue's symbol form
 * ({@code BTC_USDT}, {@code BTC-USD}) is that venue's mapper's business; this type is neutral.
 *
 * @param base  base currency code, upper case, for example {@code BTC}
 * @param quote quote currency code, upper case, for example {@code USDT}
 */
public record CurrencyPair(String base, String quote) implements Comparable<CurrencyPair> {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9.]{1,32}");
    private static final Pattern SEPARATOR = Pattern.compile("[/_\\-:]");

    /** Trims and upper-cases both codes; throws {@code IllegalArgumentException} for a code that is not one. */
    public CurrencyPair {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        base = base.trim().toUpperCase(Locale.ROOT);
        quote = quote.trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(base).matches()) {
            throw new IllegalArgumentException("invalid base currency code: '" + shown(base) + "'");
        }
        if (!CODE.matcher(quote).matches()) {
            throw new IllegalArgumentException("invalid quote currency code: '" + shown(quote) + "'");
        }
    }

    /** The pair {@code base/quote}, codes trimmed and upper-cased. */
    public static CurrencyPair of(String base, String quote) {
        return new CurrencyPair(base, quote);
    }

    /** Parses {@code BTC/USDT}, {@code BTC_USDT}, {@code BTC-USDT} or {@code BTC:USDT}. */
    public static CurrencyPair parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = SEPARATOR.split(text.trim());
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a currency pair (expected BASE/QUOTE): '" + shown(text) + "'");
        }
        return new CurrencyPair(parts[0], parts[1]);
    }

    /** The pair joined by {@code separator}, for example {@code symbol("_")} gives {@code BTC_USDT}. */
    public String symbol(String separator) {
        return base + separator + quote;
    }

    /** A caller's text as a message shows it: cut after 40 characters, so a megabyte of input is not echoed. */
    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "... (" + text.length() + " characters)" : text;
    }

    @Override
    public int compareTo(CurrencyPair other) {
        int byBase = base.compareTo(other.base);
        return byBase != 0 ? byBase : quote.compareTo(other.quote);
    }

    @Override
    public String toString() {
        return base + "/" + quote;
    }
}
