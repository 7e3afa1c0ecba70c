package io.exflux.testkit.v1;

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

/** Plain HTTP calls to a v1 simulator as the documents' snippets make them, signed when given a key. Test code: blocks. */
final class V1Calls {

    /** One answer. */
    record Answer(int status, JsonNode body, String retryAfter) {
        String error() {
            return body.path("error").asText(null);
        }
    }

    private static final HttpClient HTTP = HttpClient.create().disableRetry(true);
    private final String root;
    private final AtomicLong nonce = new AtomicLong(System.currentTimeMillis());

    V1Calls(V1Simulator sim) {
        this.root = sim.apiRootUrl();
    }

    Answer get(String path) {
        return send("GET", path, Map.of(), null, null);
    }

    /** A GET signed as the documents' GET examples: over the key alone. */
    Answer get(String path, ApiKeys.ApiKey key) {
        return send("GET", path, Map.of(), key, V1Signature.sign(key.key(), key.secret(), Map.of()));
    }

    /** A POST of a urlencoded form, signed over its parameters. */
    Answer post(String path, Map<String, String> form, ApiKeys.ApiKey key) {
        return send("POST", path, form, key, V1Signature.sign(key.key(), key.secret(), form));
    }

    Answer send(String method, String path, Map<String, String> form, ApiKeys.ApiKey key, String sign) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (key != null) {
            headers.put("X-KEY", key.key());
            headers.put("X-SIGN", sign);
            headers.put("X-NONCE", Long.toString(nonce.incrementAndGet()));
        }
        return send(method, path, form, headers);
    }

    Answer send(String method, String path, Map<String, String> form, Map<String, String> headers) {
        return send(method, path, form.isEmpty() ? null : V1Signature.encode(form, true),
                "application/x-www-form-urlencoded", headers);
    }

    /** Sends this body text as it is, with this content type (none when the body is null). */
    Answer send(String method, String path, String bodyText, String contentType, Map<String, String> headers) {
        byte[] body = bodyText == null ? null : bodyText.getBytes(StandardCharsets.UTF_8);
        return HTTP.headers(h -> {
                    headers.forEach(h::set);
                    if (body != null) {
                        h.set("Content-Type", contentType);
                    }
                })
                .request(HttpMethod.valueOf(method)).uri(root + path)
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
