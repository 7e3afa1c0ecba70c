package io.exflux.reactive.internal.engineio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.exflux.api.error.ProtocolException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ChannelRouter#byNameThenKeyThenOnlyPrefix}: event name, then the payload's routing key, then the only
 * channel of a prefix. Compares characters in place (no text built per event). Stateless and thread-safe.
 */
final class NameKeyPrefixRouter implements ChannelRouter {

    private final String routingKey;
    private final String channelPrefix;

    NameKeyPrefixRouter(String routingKey, String channelPrefix) {
        this.routingKey = routingKey;
        this.channelPrefix = channelPrefix;
    }

    @Override
    public Optional<String> route(String eventName, List<JsonNode> arguments, Set<String> channels) {
        return Optional.ofNullable(channel(eventName, valueOf(arguments), channels));
    }

    @Override
    public String channel(String eventName, String routingValue, Set<String> channels) {
        if (eventName != null && channels.contains(eventName)) {
            return eventName;
        }
        if (routingValue != null) {
            String byValue = onlyNaming(channels, routingValue);
            if (byValue != null) {
                return byValue;
            }
        }
        return onlyWithPrefix(channels);
    }

    /** The only channel equal to {@code value} or ending in {@code _value} or {@code .value}; else null. */
    private static String onlyNaming(Set<String> channels, String value) {
        String found = null;
        for (String channel : channels) {
            if (names(channel, value)) {
                if (found != null) {
                    return null;
                }
                found = channel;
            }
        }
        return found;
    }

    private static boolean names(String channel, String value) {
        int rest = channel.length() - value.length();
        if (rest == 0) {
            return channel.equals(value);
        }
        if (rest < 1 || !channel.endsWith(value)) {
            return false;
        }
        char separator = channel.charAt(rest - 1);
        return separator == '_' || separator == '.';
    }

    private String onlyWithPrefix(Set<String> channels) {
        String found = null;
        for (String channel : channels) {
            if (channel.startsWith(channelPrefix)) {
                if (found != null) {
                    return null;
                }
                found = channel;
            }
        }
        return found;
    }

    private String valueOf(List<JsonNode> arguments) {
        for (JsonNode argument : arguments) {
            JsonNode value = asObject(argument).get(routingKey);
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
            } catch (ProtocolException notJson) {
                // Only a routing hint: the event still goes through the next rule, nothing is lost.
                return MissingNode.getInstance();
            }
        }
        return MissingNode.getInstance();
    }
}
