package io.exflux.kafka;

import java.util.Locale;

/** What an envelope carries; each kind has its own topic ({@code <prefix>.<topicSuffix>}). */
public enum MarketKind {
    /** One public trade; its venue sequence is the trade id. */
    TRADE("trades"),
    /** A book snapshot or delta; its venue sequence is the book sequence. */
    BOOK("books"),
    /** A ticker; its venue sequence is the exchange time in milliseconds. */
    TICKER("tickers");

    private final String topicSuffix;

    MarketKind(String topicSuffix) {
        this.topicSuffix = topicSuffix;
    }

    /** The last part of this kind's topic name. */
    public String topicSuffix() {
        return topicSuffix;
    }

    /** The name used in the envelope's {@code kind} field. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code text} in an envelope. */
    public static MarketKind fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
