package io.exflux.benchmarks;

import io.exflux.api.error.ExchangeException;
import io.exflux.reactive.internal.ws.FrameSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link FrameSink} that keeps what a dialect delivered, for comparing two decoders: each delivery as an
 * {@link Outcome} (a malformed frame without its reason, which differs between readers), or, when
 * {@code keep} is false, only the last message (the benchmarks' sink, which allocates nothing).
 */
public final class RecordingSink<M> implements FrameSink<M> {

    /** One delivery: {@code next} to a channel, {@code control}, or {@code malformed}. */
    public record Outcome(String kind, String channel, Object message) {
    }

    private final Set<String> topics;
    private final boolean keep;
    private final List<Outcome> outcomes = new ArrayList<>();
    private M last;

    public RecordingSink(Set<String> topics, boolean keep) {
        this.topics = topics;
        this.keep = keep;
    }

    /** What was delivered since the last {@link #clear()}. */
    public List<Outcome> outcomes() {
        return outcomes;
    }

    /** The last message delivered. */
    public M last() {
        return last;
    }

    public void clear() {
        outcomes.clear();
        last = null;
    }

    @Override
    public void next(M message, String topic) {
        last = message;
        if (keep) {
            outcomes.add(new Outcome("next", topic, message));
        }
    }

    @Override
    public void next(M message, String topic, String alsoTopic) {
        next(message, topic);
        next(message, alsoTopic);
    }

    @Override
    public void control(M message) {
        last = message;
        if (keep) {
            outcomes.add(new Outcome("control", null, message));
        }
    }

    @Override
    public Set<String> liveTopics() {
        return topics;
    }

    @Override
    public void acknowledged(List<String> acknowledged) {
        throw new UnsupportedOperationException("the v1 socket acknowledges nothing");
    }

    @Override
    public void refused(String topic, Function<List<String>, ? extends ExchangeException> error) {
        throw new UnsupportedOperationException("the v1 socket refuses nothing");
    }

    @Override
    public void authenticationRefused(ExchangeException error) {
        throw new UnsupportedOperationException("the v1 socket has no authentication");
    }

    @Override
    public void malformed(String reason, Throwable cause) {
        last = null;
        if (keep) {
            outcomes.add(new Outcome("malformed", null, null));
        }
    }
}
