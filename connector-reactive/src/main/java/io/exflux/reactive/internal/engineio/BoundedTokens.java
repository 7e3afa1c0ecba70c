package io.exflux.reactive.internal.engineio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exflux.api.error.ProtocolException;
import io.exflux.reactive.internal.codec.BoundedDecimals;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The tree's number rule for a streaming reader: {@code readTree} with {@code Json.mapper()} refuses a
 * frame holding any JSON number with a fraction or an exponent that {@link BoundedDecimals} does not accept,
 * wherever it stands, so a hot reader checks the numbers it skips as well as those it reads. Numbers
 * sent as strings are only text to the tree, and are not checked here.
 */
public final class BoundedTokens {

    private BoundedTokens() {
    }

    /**
     * Skips the current value (a container with everything in it), checking its numbers.
     *
     * @throws ProtocolException when a number is out of range, or the frame ends inside the value
     */
    public static void skip(JsonParser parser) throws IOException {
        skip(parser, false);
    }

    /**
     * {@link #skip}, also refusing an integer beyond a {@code long}, as {@code Json.mapper()} refuses a whole body
     * holding one (it reads integers as longs): for a reader that stands for that mapper's tree of a whole body.
     *
     * @throws ProtocolException when a number is out of range, or the frame ends inside the value
     */
    public static void skipAsTheTreeReads(JsonParser parser) throws IOException {
        skip(parser, true);
    }

    /** Whether the current token is an integer beyond a {@code long}. */
    public static boolean isBigInteger(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                && parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER;
    }

    private static void skip(JsonParser parser, boolean longIntegers) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT || longIntegers && token == JsonToken.VALUE_NUMBER_INT) {
            check(parser, longIntegers);
            return;
        }
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            token = parser.nextToken();
            if (token == null || token == JsonToken.NOT_AVAILABLE) {
                throw new ProtocolException("the frame ends inside a value");
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            } else if (token == JsonToken.VALUE_NUMBER_FLOAT || longIntegers && token == JsonToken.VALUE_NUMBER_INT) {
                check(parser, longIntegers);
            }
        }
    }

    /** Whether the current token is a JSON number with a fraction or exponent that the tree would refuse. */
    public static boolean outOfRange(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT && !BoundedDecimals.fits(
                new BigDecimal(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength()));
    }

    private static void check(JsonParser parser, boolean longIntegers) throws IOException {
        if (outOfRange(parser) || longIntegers && isBigInteger(parser)) {
            throw new ProtocolException("number out of range in the frame");
        }
    }
}
