package io.exflux.reactive.internal.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP answer, fully read: status, headers (names case-insensitive) and the body bytes. Immutable.
 */
public final class RestResponse {

    private final int status;
    /** The headers as a map: given, or made from {@link #received} when first asked for. */
    private volatile Map<String, List<String>> headers;
    /** The headers as the transport received them (never changed after), or {@code null} when given as a map. */
    private final HttpHeaders received;
    private final byte[] body;

    /** An answer with these parts; the arguments are copied. */
    public RestResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this.status = status;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        this.headers = Collections.unmodifiableMap(copy);
        this.received = null;
        this.body = body == null ? new byte[0] : body.clone();
    }

    private RestResponse(int status, HttpHeaders received, byte[] body) {
        this.status = status;
        this.received = received;
        this.body = body;
    }

    /**
     * An answer made of parts the transport hands over and keeps nothing of (headers it no longer changes, a body
     * no one else holds): taken as they are, not copied. Most answers are read without a look at their headers,
     * so their map is only made when asked for.
     */
    static RestResponse fromTransport(int status, HttpHeaders headers, byte[] body) {
        return new RestResponse(status, headers, body);
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The headers; look names up in any case. */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> map = headers;
        if (map == null) {
            // made from headers that never change, so two threads asking at once make equal maps
            TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            received.forEach(header -> copy.computeIfAbsent(header.getKey(), name -> new ArrayList<>(1))
                    .add(header.getValue()));
            copy.replaceAll((name, values) -> List.copyOf(values));
            map = Collections.unmodifiableMap(copy);
            headers = map;
        }
        return map;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        if (received != null) {
            return received.get(name);
        }
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A copy of the body bytes (empty when there was no body). */
    public byte[] body() {
        return body.clone();
    }

    /** The body length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    byte[] bodyUnsafe() {
        return body;
    }

    @Override
    public String toString() {
        return "RestResponse[" + status + ", " + body.length + " body bytes]";
    }
}
