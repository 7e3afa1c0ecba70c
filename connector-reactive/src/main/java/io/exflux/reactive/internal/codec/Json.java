package io.exflux.reactive.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The one Jackson configuration of exflux: every JSON number with a fraction becomes a
 * {@code BigDecimal} (never a {@code double}), every integer a {@code long} or {@code BigInteger},
 * unknown fields are ignored (venues add fields), and string-or-number fields are accepted both ways.
 * Every decimal, in a record or a tree, passes {@link BoundedDecimals}: a number with an absurd exponent
 * fails the read instead of stalling whoever uses it.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.USE_FAST_DOUBLE_PARSER)
            .nodeFactory(new BoundedNodeFactory())
            .addModule(new SimpleModule("exflux-bounded-decimals")
                    .addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer()))
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(BoundedDecimals.MAX_TEXT_LENGTH).build());
    }

    private Json() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it; {@code copy()} it instead. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Decimals of records: JSON numbers and numbers sent as strings, both bounded. */
    private static final class BoundedDecimalDeserializer extends JsonDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            try {
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    return BoundedDecimals.check(parser.getDecimalValue());
                }
                if (token == JsonToken.VALUE_STRING) {
                    String text = parser.getText().trim();
                    return text.isEmpty() ? null : BoundedDecimals.parse(text);
                }
            } catch (IllegalArgumentException refused) {
                throw InvalidFormatException.from(parser, refused.getMessage(), shortText(parser), BigDecimal.class);
            }
            return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
        }
    }

    /** Decimals of trees ({@code readTree}): refused while the tree is built. */
    private static final class BoundedNodeFactory extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        BoundedNodeFactory() {
            super(true);
        }

        @Override
        public ValueNode numberNode(BigDecimal value) {
            return super.numberNode(value == null ? null : BoundedDecimals.check(value));
        }
    }

    /** The offending text, cut short, for the error message. */
    private static String shortText(JsonParser parser) throws IOException {
        String text = parser.getText();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
