package io.exflux.reactive.internal.ws;

import io.exflux.api.stream.OverflowPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/** A topic's messages of one type, for venue stream clients whose topics each carry one message type. */
public final class TypedTopics {

    private static final Logger LOG = LoggerFactory.getLogger(TypedTopics.class);

    private TypedTopics() {
    }

    /**
     * The messages of {@code topic} that are a {@code type}, as {@link StreamEndpoint#topic(String, OverflowPolicy)}
     * delivers them. A message of another type is skipped with a warning naming the venue, so that a venue change
     * shows up in the log rather than as silence.
     */
    public static <M, T extends M> Flux<T> of(StreamEndpoint<M> stream, String topic, OverflowPolicy policy,
                                              Class<T> type, String venue) {
        return stream.topic(topic, policy).handle((message, sink) -> {
            if (type.isInstance(message)) {
                sink.next(type.cast(message));
            } else {
                LOG.warn("{} topic {} carried a {} where a {} was expected; skipped", venue, topic,
                        message.getClass().getSimpleName(), type.getSimpleName());
            }
        });
    }
}
