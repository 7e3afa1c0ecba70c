package io.exflux.reactive.venue.alp;

import com.fasterxml.jackson.core.type.TypeReference;
import io.exflux.reactive.internal.codec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON examples of the ALP document, copied verbatim into {@code src/test/resources/alp}. The
 * document elides list tails with {@code ...}; {@link #json(String)} removes that ellipsis (and only
 * that) before parsing, so the files stay exactly as published.
 */
final class AlpDocExamples {

    private AlpDocExamples() {
    }

    static String raw(String name) {
        try (InputStream in = AlpDocExamples.class.getResourceAsStream("/alp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example with the document's list ellipsis ({@code }, ...]}) removed. */
    static String json(String name) {
        return raw(name).replaceAll("(?<=[}\\]])\\s*,?\\s*\\.\\.\\.(?=\\s*\\])", "");
    }

    static <T> T read(String name, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json(name), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String name, Class<T> type) {
        try {
            return Json.mapper().readValue(json(name), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
