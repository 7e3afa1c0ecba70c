package io.exflux.testkit.btse;

import static io.exflux.testkit.btse.BtseWire.MAPPER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.testkit.server.TopicHub;
import io.exflux.testkit.server.WsSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The frames both websocket hosts share: a client command {@code {"op":..,"args":[..]}}, the ack
 * {@code {"event":"subscribe","channel":[..]}} listing only the topics that succeeded, and the error frame
 * {@code {"severity":"ERROR","errors":[{"arg":..,"error":{"code":..,"message":..}}]}} (codes 1000 market
 * not supported, 1001 operation not supported, 1002 invalid request, 1005 topic does not exist).
 */
final class BtseFrames {

    static final int MARKET_NOT_SUPPORTED = 1000;
    static final int OPERATION_NOT_SUPPORTED = 1001;
    static final int INVALID_REQUEST = 1002;
    static final int TOPIC_DOES_NOT_EXIST = 1005;

    /** One client command; {@code op} null when the frame is not a JSON object with a text {@code op}. */
    record Command(String op, List<String> args) {
    }

    /** What a host does with the commands it serves beyond unsubscribe. */
    interface Host {
        void subscribe(TopicHub.Member member, List<String> topics);

        /** Another operation of this host; false when it has none of that name. */
        default boolean other(TopicHub.Member member, Command command) {
            return false;
        }
    }

    /**
     * Answers one client text frame the way both hosts do: {@code subscribe} and the host's own operations go to
     * the host, {@code unsubscribe} is acknowledged, anything else is an error frame (1002 not a command, 1001 an
     * unknown operation).
     */
    static void receive(TopicHub hub, TopicHub.Member member, String text, Host host) {
        WsSession session = member.session();
        Command command = parse(text);
        if (command.op() == null) {
            session.send(error(null, INVALID_REQUEST, "Invalid request"));
        } else if (command.op().equals("subscribe")) {
            host.subscribe(member, command.args());
        } else if (command.op().equals("unsubscribe")) {
            hub.unsubscribe(member, command.args());
            session.send(ack("unsubscribe", command.args()));
        } else if (!host.other(member, command)) {
            session.send(error(null, OPERATION_NOT_SUPPORTED, "Operation not supported"));
        }
    }

    private BtseFrames() {
    }

    static Command parse(String text) {
        JsonNode frame;
        try {
            frame = MAPPER.readTree(text);
        } catch (IOException malformed) {
            return new Command(null, List.of());
        }
        if (frame == null || !frame.isObject() || !frame.path("op").isTextual()) {
            return new Command(null, List.of());
        }
        List<String> args = new ArrayList<>();
        frame.path("args").forEach(arg -> args.add(arg.asText()));
        return new Command(frame.get("op").asText(), args);
    }

    static String ack(String event, Collection<String> topics) {
        ObjectNode ack = MAPPER.createObjectNode().put("event", event);
        ArrayNode channel = ack.putArray("channel");
        topics.forEach(channel::add);
        return ack.toString();
    }

    /** An error frame about one topic ({@code arg} null: a frame-level error without {@code arg}). */
    static String error(String arg, int code, String message) {
        ObjectNode frame = MAPPER.createObjectNode().put("severity", "ERROR");
        ObjectNode item = frame.putArray("errors").addObject();
        if (arg != null) {
            item.put("arg", arg);
        }
        item.putObject("error").put("code", code).put("message", message);
        return frame.toString();
    }

    /** A topic frame {@code {"topic":..,"data":..}}. */
    static String topic(String topic, JsonNode data) {
        ObjectNode frame = MAPPER.createObjectNode().put("topic", topic);
        frame.set("data", data);
        return frame.toString();
    }
}
