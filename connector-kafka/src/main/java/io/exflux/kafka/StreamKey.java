package io.exflux.kafka;

import io.exflux.api.model.CurrencyPair;
import java.util.Locale;
import java.util.Objects;

/**
 * One venue's market: the unit of sharding and the Kafka record key ({@code venue:BASE_QUOTE}), so that
 * every message of one pair lands in one partition and stays in order.
 *
 * @param venue the venue id as {@code Exchanges} knows it ({@code alp}, {@code btc-alpha}, ...)
 * @param pair  the market
 */
public record StreamKey(String venue, CurrencyPair pair) implements Comparable<StreamKey> {

    public StreamKey {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(pair, "pair");
        venue = venue.trim().toLowerCase(Locale.ROOT);
        if (venue.isEmpty() || venue.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a venue id is not empty and has no ':'");
        }
    }

    public static StreamKey of(String venue, CurrencyPair pair) {
        return new StreamKey(venue, pair);
    }

    /** Parses {@code venue:BASE_QUOTE} (any separator {@link CurrencyPair#parse} reads). */
    public static StreamKey parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a venue:pair key: '" + text + "'");
        }
        return new StreamKey(text.substring(0, colon), CurrencyPair.parse(text.substring(colon + 1)));
    }

    /** The record key: {@code venue:BASE_QUOTE}. */
    public String recordKey() {
        return venue + ':' + pair.symbol("_");
    }

    @Override
    public int compareTo(StreamKey other) {
        int byVenue = venue.compareTo(other.venue);
        return byVenue != 0 ? byVenue : pair.compareTo(other.pair);
    }

    @Override
    public String toString() {
        return recordKey();
    }
}
