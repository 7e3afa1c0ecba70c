package io.exflux.reactive.internal.http;

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
    private final Map<String, List<String>> headers;
    private final byte[] body;

    /** An answer with these parts; the arguments are copied. */
    public RestResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this.status = status;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body == null ? new byte[0] : body.clone();
    }

    private RestResponse(int status, Map<String, List<String>> headers, byte[] body, boolean handedOver) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** An empty map of headers as an answer keeps them: names in any case. */
    static Map<String, List<String>> headerMap() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    /**
     * An answer made of parts the transport hands over and keeps nothing of ({@link #headerMap()} filled in, a body
     * no one else holds): taken as they are, not copied again.
     */
    static RestResponse fromTransport(int status, Map<String, List<String>> headers, byte[] body) {
        headers.replaceAll((name, values) -> List.copyOf(values));
        return new RestResponse(status, Collections.unmodifiableMap(headers), body, true);
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
        return headers;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
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
