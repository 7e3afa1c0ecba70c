package io.exflux.reactive.venue.alp.model;

import java.time.Instant;
import java.util.List;

/**
 * {@code ["subscribe", time, topic...]} or {@code ["unsubscribe", time, topic...]}: the venue confirms
 * the topics of one request frame. The document's example repeats a topic; duplicates are kept as sent.
 */
public record AlpAck(Kind kind, Instant time, List<String> topics) implements AlpMessage {

    /** Which request is acknowledged. */
    public enum Kind { SUBSCRIBE, UNSUBSCRIBE }

    public AlpAck {
        topics = List.copyOf(topics);
    }
}
