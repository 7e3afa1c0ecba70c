package io.exflux.testkit.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A canned answer of the fake venue: status, headers and body, optionally delayed, or a fault instead of an answer
 * (a connection reset or a stall). Immutable; every {@code with*} method returns a copy.
 *
 * <pre>{@code
 * FakeResponse.json(200, "{\"ok\":true}").withDelay(Duration.ofMillis(50));
 * FakeResponse.tooManyRequests("2");          // 429 with Retry-After: 2
 * FakeResponse.status(503);                   // empty body
 * FakeResponse.reset();                       // closes the TCP connection with RST, no answer
 * FakeResponse.stall();                       // accepts the request and never answers
 * FakeResponse.ok("[1,2]").cutShort();        // the connection is lost halfway through the body
 * }</pre>
 */
public final class FakeResponse {

    /** What the server does with the request. */
    public enum Action {
        /** Sends status, headers and body. */
        RESPOND,
        /** Closes the connection abruptly (SO_LINGER 0, so the peer sees a reset) without an answer. */
        RESET,
        /** Never answers; the connection stays open until the client gives up or the server stops. */
        STALL,
        /** Sends status, headers and the whole body's {@code Content-Length}, then half the body, then closes. */
        CUT_SHORT
    }

    private final Action action;
    private final int status;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;
    private final Duration delay;

    private FakeResponse(Action action, int status, List<Map.Entry<String, String>> headers, byte[] body,
                         Duration delay) {
        this.action = action;
        this.status = status;
        this.headers = Collections.unmodifiableList(headers);
        this.body = body;
        this.delay = delay;
    }

    /** An answer with the given status and no body. */
    public static FakeResponse status(int status) {
        return new FakeResponse(Action.RESPOND, status, List.of(), new byte[0], Duration.ZERO);
    }

    /** An answer with a JSON body ({@code Content-Type: application/json}). */
    public static FakeResponse json(int status, String json) {
        return status(status).withHeader("Content-Type", "application/json").withBody(json);
    }

    /** A 200 answer with a JSON body. */
    public static FakeResponse ok(String json) {
        return json(200, json);
    }

    /** An answer with a plain text body ({@code Content-Type: text/plain}), e.g. an HTML-ish proxy error page. */
    public static FakeResponse text(int status, String text) {
        return status(status).withHeader("Content-Type", "text/plain").withBody(text);
    }

    /** A 429 with the given {@code Retry-After} value (seconds, an HTTP-date, or whatever the test needs). */
    public static FakeResponse tooManyRequests(String retryAfter) {
        return status(429).withHeader("Retry-After", retryAfter);
    }

    /** Closes the connection with a TCP reset instead of answering. */
    public static FakeResponse reset() {
        return new FakeResponse(Action.RESET, 0, List.of(), new byte[0], Duration.ZERO);
    }

    /** Accepts the request and never answers. */
    public static FakeResponse stall() {
        return new FakeResponse(Action.STALL, 0, List.of(), new byte[0], Duration.ZERO);
    }

    /** A copy whose answer the connection loses halfway through its body (at least one byte is left out). */
    public FakeResponse cutShort() {
        return new FakeResponse(Action.CUT_SHORT, status, new ArrayList<>(headers), body, delay);
    }

    /** A copy with one more header. */
    public FakeResponse withHeader(String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
        copy.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
        return new FakeResponse(action, status, copy, body, delay);
    }

    /** A copy with this UTF-8 body. */
    public FakeResponse withBody(String body) {
        return withBody(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with these body bytes. */
    public FakeResponse withBody(byte[] body) {
        return new FakeResponse(action, status, new ArrayList<>(headers), body.clone(), delay);
    }

    /** A copy that acts (answers, resets) only after this added latency. */
    public FakeResponse withDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return new FakeResponse(action, status, new ArrayList<>(headers), body, delay);
    }

    /** What the server does. */
    public Action action() {
        return action;
    }

    /** The HTTP status (0 for a reset or a stall). */
    public int statusCode() {
        return status;
    }

    /** The headers in order. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The body bytes (a copy). */
    public byte[] body() {
        return body.clone();
    }

    /** The added latency. */
    public Duration delay() {
        return delay;
    }

    @Override
    public String toString() {
        return action == Action.RESPOND
                ? "FakeResponse[" + status + ", " + body.length + " bytes, delay " + delay + "]"
                : "FakeResponse[" + action + ", delay " + delay + "]";
    }
}
