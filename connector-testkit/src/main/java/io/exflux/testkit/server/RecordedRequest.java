package io.exflux.testkit.server;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One HTTP request exactly as the fake venue received it.
 *
 * @param method  the HTTP method, upper case
 * @param path    the path without the query string
 * @param rawQuery the query string as sent (without '?'), empty when there was none
 * @param query   the decoded query parameters in arrival order per name
 * @param headers the headers; names are looked up case-insensitively
 * @param body    the body bytes exactly as received (empty array when none)
 * @param arrival when the complete request had arrived (server wall clock)
 */
public record RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> query,
                              Map<String, List<String>> headers, byte[] body, Instant arrival) {

    /** Makes defensive, immutable copies; header names become case-insensitive. */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        rawQuery = rawQuery == null ? "" : rawQuery;
        query = Collections.unmodifiableMap(new TreeMap<>(query));
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.computeIfAbsent(name, n -> new java.util.ArrayList<>())
                .addAll(values));
        headers = Collections.unmodifiableMap(caseInsensitive);
        body = body == null ? new byte[0] : body.clone();
        Objects.requireNonNull(arrival, "arrival");
    }

    /** The first value of a header (case-insensitive name), or {@code null} when absent. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a query parameter, or {@code null} when absent. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body bytes (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The number of body bytes (no copy). */
    public int bodyLength() {
        return body.length;
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery)
                + ", " + body.length + " body bytes, at " + arrival + "]";
    }
}
