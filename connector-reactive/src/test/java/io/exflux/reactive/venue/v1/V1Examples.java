package io.exflux.reactive.venue.v1;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.reactive.internal.codec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON examples of both v1 documents, verbatim in {@code src/test/resources/v1/<venue>/}. */
final class V1Examples {

    private V1Examples() {
    }

    static String raw(V1Dialect dialect, String name) {
        String path = "/v1/" + dialect.venue() + "/" + name + ".json";
        try (InputStream in = V1Examples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(V1Dialect dialect, String name) {
        try {
            return Json.mapper().readTree(raw(dialect, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
