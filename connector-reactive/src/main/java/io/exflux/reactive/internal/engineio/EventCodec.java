package io.exflux.reactive.internal.engineio;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * The venue's reading of its socket.io events: each event's payload becomes the venue's record once,
 * on the event loop, before it is routed, so the subscribers of a channel share one decoded record
 * instead of each parsing the raw arguments again. Called on Netty event-loop threads: never blocks.
 *
 * <p>Two ways in. {@link #read} is the hot path: the venue's frequent events straight from the frame's
 * streaming parser, no tree. {@link #decode} reads everything else from the frame's JSON tree, and every
 * event {@code read} declines; the two must give the same record for the same event.
 *
 * @param <M> the venue's message type
 */
public interface EventCodec<M> {

    /**
     * The record for an event, or {@code null} to skip an event no subscriber wants. A payload it cannot
     * read is reported by throwing (a {@link io.exflux.api.error.ProtocolException} preferably): the
     * engine counts the frame as malformed and the stream goes on.
     */
    M decode(SessionSignal.Event event);

    /**
     * The record for a signal that is not an event (an ack, the server ending the session), published on
     * the endpoint's control messages; {@code null}, the default, publishes nothing.
     */
    default M control(SessionSignal signal) {
        return null;
    }

    /**
     * Reads an event's first argument straight from the frame's streaming parser (see {@link EventFrames}).
     * On a record, the parser is left on the last token of that argument; the engine reads the rest of the
     * frame. A value the tree would read differently, or an event it would skip, is declined with
     * {@code null}: the frame is then read again as a tree and given to {@link #decode}. The default
     * declines every event.
     *
     * @param eventName the event's name, {@code null} for a bare engine.io message
     * @param parser    standing on the first token of the event's first argument
     * @return the record, or {@code null} to have the frame read as a tree
     * @throws IOException when the frame is not JSON
     * @throws RuntimeException (a {@link io.exflux.api.error.ProtocolException} preferably) when the
     *         payload cannot be read, as {@link #decode} would throw: the frame is counted as malformed
     */
    default M read(String eventName, JsonParser parser) throws IOException {
        return null;
    }

    /**
     * The text of the routing key ({@link ChannelRouter}) in the payload of a record {@link #read} gave, or
     * {@code null} when the payload had none.
     */
    default String routingValue(M message) {
        return null;
    }
}
