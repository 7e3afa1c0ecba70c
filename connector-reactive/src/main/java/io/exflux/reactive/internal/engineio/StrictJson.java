package io.exflux.reactive.internal.engineio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ProtocolException;
import io.exflux.reactive.internal.codec.Json;

/** Reads one JSON value from a packet and nothing after it: trailing text is a malformed packet. */
final class StrictJson {

    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }

    static JsonNode read(String json, String what) {
        try {
            JsonNode node = READER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw EngineIoCodec.malformed(what + " has no JSON", json);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ProtocolException(what + " is not valid JSON: " + e.getOriginalMessage(),
                    new ErrorContext(null, 0, null, json), e);
        }
    }

    static String write(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A JsonNode tree always serialises; reaching here is a bug in Jackson, not bad input.
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }
}
