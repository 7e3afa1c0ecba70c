package io.exflux.reactive.venue.btse;

/**
 * The names of BTSE's three authentication headers. The wallet document (v3.2) names them {@code btse-api},
 * {@code btse-nonce} and {@code btse-sign}; BTSE's later documents, its official clients and ccxt use
 * {@code request-api}, {@code request-nonce} and {@code request-sign}. Both carry the same values; which one a
 * client sends is one setting ({@link BtseOptions.Builder#headerNaming}), the documented one by default.
 */
public enum BtseHeaderNaming {
    /** {@code btse-api}, {@code btse-nonce}, {@code btse-sign}: the document's names (the default). */
    BTSE("btse-"),
    /** {@code request-api}, {@code request-nonce}, {@code request-sign}: the renamed headers. */
    REQUEST("request-");

    private final String prefix;

    BtseHeaderNaming(String prefix) {
        this.prefix = prefix;
    }

    /** The header carrying the API key. */
    public String apiHeader() {
        return prefix + "api";
    }

    /** The header carrying the nonce (milliseconds since the epoch, as text). */
    public String nonceHeader() {
        return prefix + "nonce";
    }

    /** The header carrying the lower-case hex HMAC-SHA384 signature. */
    public String signHeader() {
        return prefix + "sign";
    }
}
