package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An ALP error body {@code {"code":"...","message":"..."}}. {@code code} is text even when the venue
 * sends a number (docs/venues/alp.md, drift 24: {@code "1003"}, {@code "BAD_REQUEST"}); {@code formErrors}
 * (field validation errors of a 400) is kept as the raw JSON, or {@code null}.
 */
public record AlpErrorBody(
        @JsonProperty("code") String code,
        @JsonProperty("message") String message,
        @JsonProperty("formErrors") JsonNode formErrors) {
}
