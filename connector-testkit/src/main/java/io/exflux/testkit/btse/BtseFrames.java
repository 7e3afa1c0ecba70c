package io.exflux.testkit.btse;

import static io.exflux.testkit.btse.BtseWire.MAPPER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
