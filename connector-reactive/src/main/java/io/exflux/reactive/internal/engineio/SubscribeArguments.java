package io.exflux.reactive.internal.engineio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/** The arguments that follow the subscribe (or unsubscribe) event name for one channel: venue-specific. */
@FunctionalInterface
public interface SubscribeArguments {

    /** The arguments for {@code channel}. */
    List<JsonNode> forChannel(String channel);

    /** The default: the channel name as the only argument, {@code ["subscribe","<channel>"]}. */
    static SubscribeArguments channelName() {
        return channel -> List.of(TextNode.valueOf(channel));
    }

    /** One object argument holding the channel under {@code field}, e.g. {@code ["subscribe",{"channel":"<channel>"}]}. */
    static SubscribeArguments objectWith(String field) {
        return channel -> List.of(JsonNodeFactory.instance.objectNode().put(field, channel));
    }
}
