package io.exflux.reactive.internal.http;

import io.exflux.reactive.internal.auth.FormEncoding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One REST call, immutable: method, path, query parameters, headers, the body as the exact bytes to send, whether
 * it is safe to send twice, and which rate-limit scope it draws from with what weight.
 *
 * <p>The body is bytes on purpose: serialise it once, let the signer sign those bytes, and the transport sends the
 * same bytes. Nothing here is checked when built; the {@link RestClient} checks every request before sending
 * anything and answers a bad one with an {@code InvalidRequestException} through its Mono.
 *
 * <p>{@link #toString()} shows method, path, body size and header names, never header values, query values or
 * the body: they may carry keys, signatures, tokens or secrets.
 */
public final class RestRequest {

    /** The rate-limit scope of a request that names none. */
    public static final String DEFAULT_SCOPE = "public";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> query;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;
    private final boolean idempotent;
    private final String scope;
    private final int weight;

    private RestRequest(Builder builder) {
        this.method = builder.method;
        this.path = builder.path;
        this.query = Collections.unmodifiableList(new ArrayList<>(builder.query));
        this.headers = Collections.unmodifiableList(new ArrayList<>(builder.headers));
        this.body = builder.body;
        this.idempotent = builder.idempotent != null ? builder.idempotent
                : method != null && SAFE_METHODS.contains(method);
        this.scope = builder.scope;
        this.weight = builder.weight;
    }

    /** A copy of {@code request} with these headers (immutable already); the body is immutable too, so shared. */
    private RestRequest(RestRequest request, List<Map.Entry<String, String>> headers) {
        this.method = request.method;
        this.path = request.path;
        this.query = request.query;
        this.headers = headers;
        this.body = request.body;
        this.idempotent = request.idempotent;
        this.scope = request.scope;
        this.weight = request.weight;
    }

    /** A builder for a request with this method (upper-cased) and path (without query string). */
    public static Builder builder(String method, String path) {
        return new Builder(method == null ? null : method.toUpperCase(Locale.ROOT), path);
    }

    /** A GET: idempotent unless marked otherwise. */
    public static Builder get(String path) {
        return builder("GET", path);
    }

    /** A POST: not idempotent unless {@link Builder#idempotent(boolean) marked safe}. */
    public static Builder post(String path) {
        return builder("POST", path);
    }

    /** A PUT: not idempotent unless marked safe. */
    public static Builder put(String path) {
        return builder("PUT", path);
    }

    /** A DELETE: not idempotent unless marked safe (venues cancel orders with it). */
    public static Builder delete(String path) {
        return builder("DELETE", path);
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The path, without query string. */
    public String path() {
        return path;
    }

    /** The query parameters, in order. */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /** The headers, in order. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The first value of a header (case-insensitive), or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** A copy of the body bytes (empty when none). */
    public byte[] body() {
        return body.clone();
    }

    /** The body length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** The body as UTF-8 text. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether sending this request twice does no harm, so it may be retried after an ambiguous failure. */
    public boolean idempotent() {
        return idempotent;
    }

    /** The rate-limit scope. */
    public String rateLimitScope() {
        return scope;
    }

    /** How many permits of its scope the request costs. */
    public int rateLimitWeight() {
        return weight;
    }

    /** The query string, encoded as Python's {@code urlencode} does (empty when there are no parameters). */
    public String encodedQuery() {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> parameter : query) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(FormEncoding.quotePlus(parameter.getKey())).append('=')
                    .append(FormEncoding.quotePlus(parameter.getValue()));
        }
        return out.toString();
    }

    /** The path with the encoded query string appended. */
    public String pathWithQuery() {
        String encoded = encodedQuery();
        return encoded.isEmpty() ? path : path + "?" + encoded;
    }

    /** A copy with this header set, replacing every header of that name (case-insensitive). For signers. */
    public RestRequest withHeader(String name, String value) {
        // every call is stamped and signed this way: copy the header list once, share everything else
        List<Map.Entry<String, String>> replaced = new ArrayList<>(headers.size() + 1);
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey() == null || !header.getKey().equalsIgnoreCase(name)) {
                replaced.add(header);
            }
        }
        replaced.add(new Pair(name, value));
        return new RestRequest(this, Collections.unmodifiableList(replaced));
    }

    /** A builder starting from this request. */
    public Builder mutate() {
        Builder builder = new Builder(method, path);
        builder.query.addAll(query);
        builder.headers.addAll(headers);
        builder.body = body;
        builder.idempotent = idempotent;
        builder.scope = scope;
        builder.weight = weight;
        return builder;
    }

    @Override
    public String toString() {
        List<String> headerNames = new ArrayList<>();
        headers.forEach(header -> headerNames.add(header.getKey()));
        return "RestRequest[" + method + " " + path + ", " + query.size() + " query params, headers "
                + headerNames + ", " + body.length + " body bytes, idempotent=" + idempotent + ", scope=" + scope
                + "x" + weight + "]";
    }

    /** Builds a {@link RestRequest}. Never throws: problems are reported when the request is sent. */
    public static final class Builder {

        private final String method;
        private final String path;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private Boolean idempotent;
        private String scope = DEFAULT_SCOPE;
        private int weight = 1;

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** Adds a query parameter (a {@code null} value is reported as invalid when sent). */
        public Builder query(String name, String value) {
            query.add(new Pair(name, value));
            return this;
        }

        /** Adds every parameter of this map, in its iteration order. */
        public Builder query(Map<String, String> parameters) {
            parameters.forEach(this::query);
            return this;
        }

        /** Adds a header. */
        public Builder header(String name, String value) {
            headers.add(new Pair(name, value));
            return this;
        }

        /** Sets a header, replacing every header of that name (case-insensitive). */
        public Builder setHeader(String name, String value) {
            headers.removeIf(header -> header.getKey() != null && header.getKey().equalsIgnoreCase(name));
            return header(name, value);
        }

        /** The body: exactly these bytes (copied) are signed and sent. */
        public Builder body(byte[] bytes) {
            this.body = bytes == null ? new byte[0] : bytes.clone();
            return this;
        }

        /** The body with its content type. */
        public Builder body(byte[] bytes, String contentType) {
            return body(bytes).setHeader("Content-Type", contentType);
        }

        /** A JSON body, sent as these UTF-8 bytes, {@code Content-Type: application/json}. */
        public Builder jsonBody(String json) {
            return body(json == null ? null : json.getBytes(StandardCharsets.UTF_8), "application/json");
        }

        /** A form body (already encoded), {@code Content-Type: application/x-www-form-urlencoded}. */
        public Builder formBody(String encodedForm) {
            return body(encodedForm == null ? null : encodedForm.getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded");
        }

        /**
         * Marks whether the call is safe to send twice. GET, HEAD and OPTIONS are by default, everything else is
         * not; mark a POST safe only when the venue makes it so (a pure query, or a client order id it dedupes).
         */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /** The rate-limit scope this call draws from and how many permits it costs. */
        public Builder rateLimit(String scope, int weight) {
            this.scope = scope;
            this.weight = weight;
            return this;
        }

        /** The request. */
        public RestRequest build() {
            return new RestRequest(this);
        }
    }

    /** A name/value pair that allows a {@code null} value (reported by validation rather than thrown). */
    private record Pair(String getKey, String getValue) implements Map.Entry<String, String> {
        @Override
        public String setValue(String value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String toString() {
            return getKey + "=<hidden>";
        }
    }
}
