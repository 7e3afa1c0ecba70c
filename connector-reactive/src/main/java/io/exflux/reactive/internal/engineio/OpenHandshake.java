package io.exflux.reactive.internal.engineio;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.ProtocolException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The server's open packet ({@code 0{json}}): the session id and the heartbeat timing.
 *
 * @param sid          the engine.io session id
 * @param upgrades     transports the session could upgrade to; empty on a websocket-only session
 * @param pingInterval how often a ping is due (sent by the client on engine.io 3, by the server on 4)
 * @param pingTimeout  how long the answer to a ping may take
 * @param maxPayload   the largest packet the server accepts in bytes, or {@code 0} when not announced
 *                     (engine.io 3 and older engine.io 4 servers)
 */
public record OpenHandshake(String sid, List<String> upgrades, Duration pingInterval, Duration pingTimeout,
                            long maxPayload) {

    public OpenHandshake {
        Objects.requireNonNull(sid, "sid");
        upgrades = List.copyOf(upgrades);
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(pingTimeout, "pingTimeout");
    }

    /**
     * How long the connection may stay silent before the client calls it dead: on engine.io 4 the
     * next server ping is due within {@code pingInterval + pingTimeout}; on engine.io 3 the same bound
     * covers our ping plus the server's pong.
     */
    public Duration watchdog() {
        return pingInterval.plus(pingTimeout);
    }

    /**
     * Reads the JSON of an open packet (the data after the {@code 0}).
     *
     * @throws ProtocolException when it is not an object with a {@code sid} string and non-negative
     *                           integer {@code pingInterval} and {@code pingTimeout}
     */
    public static OpenHandshake parse(String json) {
        JsonNode node = StrictJson.read(json, "engine.io open packet");
        if (!node.isObject()) {
            throw EngineIoCodec.malformed("engine.io open packet is not a JSON object", json);
        }
        JsonNode sid = node.get("sid");
        if (sid == null || !sid.isTextual() || sid.asText().isEmpty()) {
            throw EngineIoCodec.malformed("engine.io open packet has no sid", json);
        }
        return new OpenHandshake(sid.asText(), upgrades(node.get("upgrades"), json),
                Duration.ofMillis(millis(node, "pingInterval", json)),
                Duration.ofMillis(millis(node, "pingTimeout", json)),
                optionalLong(node, "maxPayload", json));
    }

    private static List<String> upgrades(JsonNode upgrades, String json) {
        if (upgrades == null || upgrades.isNull()) {
            return List.of();
        }
        if (!upgrades.isArray()) {
            throw EngineIoCodec.malformed("engine.io open packet: upgrades is not an array", json);
        }
        List<String> names = new ArrayList<>(upgrades.size());
        for (JsonNode upgrade : upgrades) {
            if (!upgrade.isTextual()) {
                throw EngineIoCodec.malformed("engine.io open packet: upgrades holds a non-string", json);
            }
            names.add(upgrade.asText());
        }
        return names;
    }

    private static long millis(JsonNode node, String field, String json) {
        JsonNode value = node.get(field);
        // Node's timers stop at 2^31-1 ms; a larger value is garbage and would overflow our watchdog sums.
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()
                || value.asLong() < 0 || value.asLong() > Integer.MAX_VALUE) {
            throw EngineIoCodec.malformed("engine.io open packet: " + field + " is not an integer in [0, 2^31-1]", json);
        }
        return value.asLong();
    }

    private static long optionalLong(JsonNode node, String field, String json) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? 0 : millis(node, field, json);
    }
}
