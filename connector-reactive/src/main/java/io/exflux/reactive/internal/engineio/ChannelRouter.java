package io.exflux.reactive.internal.engineio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which subscribed channel an incoming event belongs to. Venues document neither the event
 * names nor the payload keys of their socket.io notifications, so the default guesses in a fixed,
 * explainable order.
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
     * The default order: the channel equal to the event name; else the channel that names the
     * payload's {@code pair} (the only subscribed channel equal to it or ending in {@code _pair} or
     * {@code .pair}; the payload may be an object or a JSON string holding one); else the only channel
     * starting with {@code bookPrefix}. Note the last rule also sends an event such as
     * {@code subscribe.success} to the only book channel: consumers filter by {@code Event.name()}.
     */
    static ChannelRouter byNameThenPairThenOnlyBook(String bookPrefix) {
        return (eventName, arguments, channels) -> {
            if (eventName != null && channels.contains(eventName)) {
                return Optional.of(eventName);
            }
            String pair = pairOf(arguments);
            if (pair != null) {
                Optional<String> byPair = only(channels, c -> c.equals(pair) || c.endsWith("_" + pair) || c.endsWith("." + pair));
                if (byPair.isPresent()) {
                    return byPair;
                }
            }
            return only(channels, c -> c.startsWith(bookPrefix));
        };
    }

    private static String pairOf(List<JsonNode> arguments) {
        for (JsonNode argument : arguments) {
            JsonNode pair = asObject(argument).get("pair");
            if (pair != null && pair.isTextual()) {
                return pair.asText();
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
