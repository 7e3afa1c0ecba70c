package io.exflux.testkit.btse;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.testkit.server.Params;
import io.exflux.testkit.sim.ApiKeys;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/** Plain HTTP calls to a BTSE simulator, signed as the document says when given a key. Test code: blocks. */
final class BtseCalls {

    /** One answer. */
    record Answer(int status, JsonNode body, String retryAfter) {
        int code() {
            return body.path("code").asInt();
        }
    }

    private static final HttpClient HTTP = HttpClient.create().disableRetry(true);
    private final String base;
    private final AtomicLong nonce = new AtomicLong(System.currentTimeMillis());

    BtseCalls(BtseSimulator sim) {
        this.base = sim.restBaseUrl();
    }

    /** A public GET of {@code /api/v3.2<pathAndQuery>}. */
    Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, Map.of());
    }

    Answer get(String pathAndQuery, ApiKeys.ApiKey key) {
        return signed("GET", pathAndQuery, null, key);
    }

    Answer post(String path, String json, ApiKeys.ApiKey key) {
        return signed("POST", path, json, key);
    }

    Answer put(String path, String json, ApiKeys.ApiKey key) {
        return signed("PUT", path, json, key);
    }

    Answer delete(String pathAndQuery, ApiKeys.ApiKey key) {
        return signed("DELETE", pathAndQuery, null, key);
    }

    /** Signed over {@code /api/v3.2<path without query>} + nonce + body, with the {@code btse-*} headers. */
    Answer signed(String method, String pathAndQuery, String json, ApiKeys.ApiKey key) {
        String n = Long.toString(nonce.incrementAndGet());
        String path = "/api/v3.2" + pathAndQuery.split("\\?", 2)[0];
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("btse-api", key.key());
        headers.put("btse-nonce", n);
        headers.put("btse-sign", BtseSignature.sign(key.secret(), path, n, json));
        return send(method, pathAndQuery, json, headers);
    }

    /** Sends this body as it is with these headers (no signing). */
    Answer send(String method, String pathAndQuery, String json, Map<String, String> headers) {
        byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        return HTTP.headers(h -> {
                    headers.forEach(h::set);
                    if (body != null) {
                        h.set("Content-Type", "application/json");
                    }
                })
                .request(HttpMethod.valueOf(method)).uri(base + "/api/v3.2" + pathAndQuery)
                .send(body == null ? Mono.empty() : Mono.just(Unpooled.wrappedBuffer(body)))
                .responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .map(text -> new Answer(response.status().code(), json(text),
                                response.responseHeaders().get("Retry-After"))))
                .block(Duration.ofSeconds(10));
    }

    static JsonNode json(String text) {
        try {
            return text.isEmpty() ? Params.MAPPER.nullNode() : Params.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
