package io.exflux.reactive.internal.engineio;

/**
 * The venue's reading of its socket.io events: each event's payload becomes the venue's record once,
 * on the event loop, before it is routed, so the subscribers of a channel share one decoded record
 * instead of each parsing the raw arguments again. Called on Netty event-loop threads: never blocks.
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
}
