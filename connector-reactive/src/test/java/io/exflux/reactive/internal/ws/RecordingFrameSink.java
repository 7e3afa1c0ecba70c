package io.exflux.reactive.internal.ws;

import io.exflux.api.error.ExchangeException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link FrameSink} without a socket, for dialect tests: given the connection's live topics, it records
 * what the engine would do with each decoded frame (deliveries per topic, control messages, acks,
 * refusals, malformed reports), following the engine's rules (a live topic named gets the message
 * once; a message of no live topic is a control message).
 *
 * @param <M> the venue message type
 */
public final class RecordingFrameSink<M> implements FrameSink<M> {

    /** One message delivered to one topic. */
    public record Delivery<M>(String topic, M message) { }

    /** A refusal: the topic named ({@code null} for "the pending one") and the error built for {@code asked}. */
    public record Refusal(String topic, ExchangeException error) { }

    private final Set<String> live;
    public final List<Delivery<M>> delivered = new ArrayList<>();
    public final List<M> control = new ArrayList<>();
    public final List<String> acknowledged = new ArrayList<>();
    public final List<Refusal> refused = new ArrayList<>();
    public final List<ExchangeException> authenticationRefused = new ArrayList<>();
    public final List<String> malformed = new ArrayList<>();
    public final List<Throwable> malformedCauses = new ArrayList<>();
    private final List<String> pendingForTopicless;

    /**
     * @param liveTopics          the topics live on the connection
     * @param pendingForTopicless what the engine would answer for a topic-less refusal (its oldest pending frame)
     */
    public RecordingFrameSink(Set<String> liveTopics, List<String> pendingForTopicless) {
        this.live = Set.copyOf(liveTopics);
        this.pendingForTopicless = List.copyOf(pendingForTopicless);
    }

    public RecordingFrameSink(Set<String> liveTopics) {
        this(liveTopics, List.of());
    }

    /** The topics that received {@code message} (by identity or equality), in order. */
    public List<String> topicsOf(M message) {
        List<String> out = new ArrayList<>();
        for (Delivery<M> delivery : delivered) {
            if (delivery.message().equals(message)) {
                out.add(delivery.topic());
            }
        }
        return out;
    }

    /** Every message delivered, in order, once each even when it went to several topics. */
    public List<M> messages() {
        LinkedHashSet<M> out = new LinkedHashSet<>();
        delivered.forEach(d -> out.add(d.message()));
        return new ArrayList<>(out);
    }

    @Override
    public void next(M message, String topic) {
        if (!deliver(message, topic)) {
            control.add(message);
        }
    }

    @Override
    public void next(M message, String topic, String alsoTopic) {
        boolean any = deliver(message, topic);
        if (alsoTopic != null && !alsoTopic.equals(topic)) {
            any |= deliver(message, alsoTopic);
        }
        if (!any) {
            control.add(message);
        }
    }

    private boolean deliver(M message, String topic) {
        if (topic == null || !live.contains(topic)) {
            return false;
        }
        delivered.add(new Delivery<>(topic, message));
        return true;
    }

    @Override
    public void control(M message) {
        control.add(message);
    }

    @Override
    public Set<String> liveTopics() {
        return live;
    }

    @Override
    public void acknowledged(List<String> topics) {
        acknowledged.addAll(topics);
    }

    @Override
    public void refused(String topic, Function<List<String>, ? extends ExchangeException> error) {
        refused.add(new Refusal(topic, error.apply(topic != null ? List.of(topic) : pendingForTopicless)));
    }

    @Override
    public void authenticationRefused(ExchangeException error) {
        authenticationRefused.add(error);
    }

    @Override
    public void malformed(String reason, Throwable cause) {
        malformed.add(reason);
        malformedCauses.add(cause);
    }
}
