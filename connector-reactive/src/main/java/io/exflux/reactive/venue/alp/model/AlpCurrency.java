package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /currencies}: one currency's code and display sign. */
public record AlpCurrency(@JsonProperty("short_name") String shortName, @JsonProperty("sign") String sign) {
}
