package io.exflux.reactive.venue.v1.model;

/**
 * Filters of {@code /v1/exchanges/} and {@code /v1/exchanges/own/}; {@code null} leaves one out. {@code type} is
 * documented for own exchanges only; {@code offset} and {@code ordering} for bitexbit only (BTC-Alpha's client
 * refuses them before sending). {@code ascending} sends {@code ordering=id}, descending {@code -id}.
 */
public record V1ExchangesQuery(V1Side type, String pair, Integer limit, Integer offset, Boolean ascending) {

    /** No filter. */
    public static final V1ExchangesQuery ALL = new V1ExchangesQuery(null, null, null, null, null);

    /** One market, at most {@code limit}. */
    public static V1ExchangesQuery of(String pair, Integer limit) {
        return new V1ExchangesQuery(null, pair, limit, null, null);
    }
}
