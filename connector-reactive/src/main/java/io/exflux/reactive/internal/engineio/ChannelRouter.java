package io.exflux.reactive.internal.engineio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which subscribed channel an incoming event belongs to: the routing mechanism only. What a
 * venue's channels are called and which payload key names their market is the venue's to say (its
 * stream package builds the router with {@link #byNameThenKeyThenOnlyPrefix}).
 */
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
     * The channel of an event read without a tree ({@link EventCodec#read}): the same rules as
     * {@link #route}, given the value of the payload's routing key instead of the arguments. Allocates
     * nothing: it runs for every hot event.
     *
     * @param routingValue the payload's routing-key text, or {@code null} when it has none
     * @return the channel, or {@code null} when the event belongs to none
     */
    String channel(String eventName, String routingValue, Set<String> channels);

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
        return new NameKeyPrefixRouter(Objects.requireNonNull(routingKey, "routingKey"),
                Objects.requireNonNull(channelPrefix, "channelPrefix"));
    }
}
