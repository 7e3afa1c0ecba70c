package io.exflux.reactive.venue.alp.model;

import java.time.Instant;
import java.util.List;

/** {@code ["r", time, [[rate, base, quote], ...]]} (topic {@code rates.*}; known from the official client only). */
public record AlpRates(Instant time, List<AlpRate> rates) implements AlpMessage {

    public AlpRates {
        rates = List.copyOf(rates);
    }
}
