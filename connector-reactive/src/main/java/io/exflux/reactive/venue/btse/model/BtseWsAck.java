package io.exflux.reactive.venue.btse.model;

import java.util.List;
import java.util.Objects;

/**
 * {@code {"event":"subscribe","channel":[...]}}: the topics BTSE took (only those it took are listed), or the
 * same for {@code unsubscribe}.
 *
 * @param event  {@code subscribe} or {@code unsubscribe}, as sent
 * @param topics the topics listed
 */
public record BtseWsAck(String event, List<String> topics) implements BtseWsMessage {

    public BtseWsAck {
        Objects.requireNonNull(event, "event");
        topics = List.copyOf(topics);
    }
}
