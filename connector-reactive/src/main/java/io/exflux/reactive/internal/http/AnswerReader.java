package io.exflux.reactive.internal.http;

import com.fasterxml.jackson.core.JsonParser;
import io.exflux.reactive.internal.codec.JsonFrameReader;
import java.io.IOException;

/**
 * Reads a successful answer's body straight from a streaming parser into its value, without a JSON tree (see
 * {@link RestClient#retrieve(RestRequest, AnswerReader, java.util.function.Function)}). It reads only what it reads
 * exactly as the tree route would and declines the rest: the body is then read as a tree, which gives its own value
 * or error.
 *
 * @param <T> the value of a body
 */
@FunctionalInterface
public interface AnswerReader<T> {

    /**
     * The value of the body, the parser standing before its first token; {@code null} to decline. A reader that
     * throws declines too. Parsers come from {@link JsonFrameReader}: a body that ends early gives
     * {@code NOT_AVAILABLE}, not {@code null}, as its next token.
     */
    T read(JsonParser parser) throws IOException;

    /**
     * The value of a whole body (UTF-8 JSON), read on this thread's {@link JsonFrameReader}; {@code null} where the
     * reader declines, throws, or the body ends inside the value it read. What follows that value is ignored, as the
     * tree route ignores it.
     */
    default T readBody(byte[] body) {
        JsonFrameReader frames = JsonFrameReader.forThisThread();
        T value;
        try {
            value = read(frames.open(body));
        } catch (IOException | RuntimeException declined) {
            value = null;
        }
        if (value == null) {
            frames.abandon();
            return null;
        }
        try {
            frames.close();
            return value;
        } catch (IOException endsInsideTheValue) {
            return null;
        }
    }
}
