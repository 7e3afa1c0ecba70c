package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads BTSE's {@code timestamp} fields, unix <b>milliseconds</b>, sent as a JSON integer or as text, into an
 * {@link Instant}. (The few second-valued fields, {@code created} of addresses, {@code epoch} of the server time
 * and the candle time, are read where they appear.)
 */
public final class BtseMillis extends JsonDeserializer<Instant> {

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return Instant.ofEpochMilli(parser.getLongValue());
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Instant.ofEpochMilli(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not unix milliseconds");
            }
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }
}
