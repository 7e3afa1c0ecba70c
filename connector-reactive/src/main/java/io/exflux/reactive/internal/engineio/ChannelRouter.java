package io.exflux.reactive.internal.engineio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which subscribed channel an incoming event belongs to: the routing mechanism only. What a
 * venue's channels are called and which payload key names their market is the venue's to say (its
 * stream package builds the router with {@link #byNameThenKeyThenOnlyPrefix}).
 */
@FunctionalInterface
public interface ChannelRouter {

    /**
     * The channel of an event.
     *
     * @param eventName the socket.io event name, or {@code null} for a bare engine.io message
     * @param arguments the event's arguments (a bare message is one argument)
     * @param channels  the channels subscribed on this connection
     * @return the channel, or empty when the event belongs to none
     */
    Optional<String> route(String eventName, List<JsonNode> arguments, Set<String> channels);

    /**
     * Routes in a fixed, explainable order, for venues that document neither event names nor payload
     * keys: the channel equal to the event name; else the channel that names the value of the payload's
     * {@code routingKey} (the only subscribed channel equal to it or ending in {@code _value} or
     * {@code .value}; the payload may be an object or a JSON string holding one); else the only channel
     * starting with {@code channelPrefix}. The last rule also sends an event such as
     * {@code subscribe.success} to the only such channel: consumers tell events apart by name.
     *
     * @param routingKey    the payload field naming the market (the venue's to say)
     * @param channelPrefix the prefix of the channels an event that matched neither rule falls back to
     */
    static ChannelRouter byNameThenKeyThenOnlyPrefix(String routingKey, String channelPrefix) {
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(channelPrefix, "channelPrefix");
        return (eventName, arguments, channels) -> {
            if (eventName != null && channels.contains(eventName)) {
                return Optional.of(eventName);
            }
            String value = valueOf(arguments, routingKey);
            if (value != null) {
                Optional<String> byValue = only(channels, c -> c.equals(value) || c.endsWith("_" + value)
                        || c.endsWith("." + value));
                if (byValue.isPresent()) {
                    return byValue;
                }
            }
            return only(channels, c -> c.startsWith(channelPrefix));
        };
    }

    private static String valueOf(List<JsonNode> arguments, String key) {
        for (JsonNode argument : arguments) {
            JsonNode value = asObject(argument).get(key);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }

    /** The argument as an object: itself, or the object a JSON string holds (venues do both), else empty. */
    private static JsonNode asObject(JsonNode argument) {
        if (argument.isObject()) {
            return argument;
        }
        if (argument.isTextual() && argument.asText().startsWith("{")) {
            try {
                return StrictJson.read(argument.asText(), "event payload");
            } catch (io.exflux.api.error.ProtocolException notJson) {
                // Only a routing hint: the event still goes through the next rule, nothing is lost.
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static Optional<String> only(Set<String> channels, java.util.function.Predicate<String> test) {
        List<String> matches = new ArrayList<>(2);
        for (String channel : channels) {
            if (test.test(channel)) {
                matches.add(channel);
            }
        }
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
