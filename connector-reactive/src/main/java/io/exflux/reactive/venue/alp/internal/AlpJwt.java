package io.exflux.reactive.venue.alp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.codec.VenueTimes;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the {@code exp} claim (unix seconds) of ALP's JWT without verifying it: the token is the
 * venue's business, we only need to know when to fetch a new one.
 */
public final class AlpJwt {

    private AlpJwt() {
    }

    /** The token's expiry, or empty when the token has no readable {@code exp}. */
    public static Optional<Instant> expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1].replace('=', ' ').trim());
            JsonNode claims = Json.mapper().readTree(payload);
            JsonNode exp = claims == null ? null : claims.get("exp");
            if (exp == null || !(exp.isNumber() || exp.isTextual())) {
                return Optional.empty();
            }
            return Optional.of(VenueTimes.epochSeconds(exp.isNumber() ? exp.decimalValue()
                    : new java.math.BigDecimal(exp.asText())));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Strips the JSON quotes when the token came back as a JSON string rather than text/plain. */
    public static String fromBody(String body) {
        String trimmed = body.trim();
        if (trimmed.startsWith("\"")) {
            try {
                return Json.mapper().readValue(trimmed, String.class).trim();
            } catch (IOException e) {
                throw new IllegalArgumentException("token body is not a JSON string", e);
            }
        }
        return trimmed;
    }
}
