package io.exflux.reactive.venue.v1.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ProtocolException;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.engineio.ChannelRouter;
import io.exflux.reactive.internal.engineio.EventCodec;
import io.exflux.reactive.internal.engineio.SessionSignal;
import io.exflux.reactive.venue.v1.model.V1BookEvent;
import java.io.IOException;

/**
 * The v1 socket's channels and events. Channels are {@code book_<PAIR>}; an event goes to the channel its name
 * equals, else the channel of the payload's {@code pair}, else the only book channel of the connection (BTC-Alpha's
 * new-order payload names no pair). Each payload (an object, or a JSON string holding one; the first such argument
 * of the event) is decoded once, on the event loop, into a {@link V1BookEvent}; an event without an order
 * ({@code subscribe.success}, say) is skipped, an order payload that does not fit is a malformed frame.
 * Book events whose payload is an object, the socket's volume, are read without a tree
 * ({@link #read}, {@link V1EventReader}); the rest from the frame's tree ({@link #decode}), with the same result.
 */
public final class V1Events implements EventCodec<V1BookEvent> {

    /** The prefix of every book channel. */
    public static final String BOOK_PREFIX = "book_";
    /** The payload field naming the market. */
    public static final String ROUTING_KEY = "pair";

    private static final ChannelRouter ROUTER = ChannelRouter.byNameThenKeyThenOnlyPrefix(ROUTING_KEY, BOOK_PREFIX);

    private final String venue;

    /** The codec of one venue (named in its errors). */
    public V1Events(String venue) {
        this.venue = venue;
    }

    /** The channel of a market: {@code book_BTC_USD}. */
    public static String bookChannel(String pair) {
        return BOOK_PREFIX + pair;
    }

    /** The router of the v1 channels. */
    public static ChannelRouter router() {
        return ROUTER;
    }

    @Override
    public V1BookEvent decode(SessionSignal.Event event) {
        for (JsonNode argument : event.arguments()) {
            JsonNode payload = asObject(argument);
            if (payload != null && payload.has("oid")) {
                try {
                    return V1Codec.bookEvent(payload);
                } catch (IllegalArgumentException | ArithmeticException unfit) {
                    throw new ProtocolException(venue + " book event does not fit: " + unfit.getMessage(),
                            ErrorContext.local(venue), unfit);
                }
            }
        }
        return null;
    }

    /** The hot path: a book event straight from the frame's parser; declines what the tree reads. */
    @Override
    public V1BookEvent read(String eventName, JsonParser parser) throws IOException {
        try {
            return V1EventReader.read(parser);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException unfit) {
            throw new ProtocolException(venue + " book event does not fit: " + unfit.getMessage(),
                    ErrorContext.local(venue), unfit);
        }
    }

    /** A book event is routed by its payload's {@code pair}. */
    @Override
    public String routingValue(V1BookEvent event) {
        return event.pair();
    }

    private JsonNode asObject(JsonNode argument) {
        if (argument.isObject()) {
            return argument;
        }
        if (argument.isTextual() && argument.asText().startsWith("{")) {
            try {
                return Json.mapper().readTree(argument.asText());
            } catch (IOException notJson) {
                throw new ProtocolException(venue + " event payload is not JSON", ErrorContext.local(venue), notJson);
            }
        }
        return null;
    }
}
