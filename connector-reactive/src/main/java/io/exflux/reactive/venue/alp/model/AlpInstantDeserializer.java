package io.exflux.reactive.venue.alp.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import io.exflux.reactive.internal.codec.VenueTimes;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads every ALP time field into an {@link Instant}. Units, as the document uses them: JSON integers
 * are unix <b>seconds</b> ({@code serverTime}, candle {@code time}); JSON fractions are unix seconds
 * with up to microsecond precision ({@code timestamp} of trades, tickers, account trades); strings are
 * either the same numbers as text or ISO-8601 ({@code last_update_at}, {@code date}, {@code open_at}).
 * The number text is read exactly, never through {@code double}.
 */
public final class AlpInstantDeserializer extends JsonDeserializer<Instant> {

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return VenueTimes.epochSeconds(parser.getDecimalValue());
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            try {
                return VenueTimes.parse(text);
            } catch (IllegalArgumentException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, e.getMessage());
            }
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }
}
