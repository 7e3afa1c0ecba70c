package io.exflux.testkit.alp;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/** HTTP calls against a simulator, waited for on the test thread. */
final class RestCalls {

    /** Status, headers and body of one answer. */
    record Answer(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return AlpWire.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient client = HttpClient.create().disableRetry(true);
    private final String base;

    RestCalls(String base) {
        this.base = base;
    }

    Answer get(String path) {
        return send("GET", path, Map.of(), (String) null);
    }

    Answer get(String path, String token) {
        return send("GET", path, Map.of("Authorization", "Bearer " + token), (String) null);
    }

    Answer post(String path, String body) {
        return send("POST", path, Map.of("Content-Type", "application/json"), body);
    }

    /** A private POST or DELETE: bearer token, and X-SIGN over the exact body bytes when a secret is given. */
    Answer signed(String method, String path, String body, String token, String secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Bearer " + token);
        if (secret != null) {
            headers.put("X-SIGN", AlpJwt.hexHmac(secret, body.getBytes(StandardCharsets.UTF_8)));
        }
        return send(method, path, headers, body);
    }

    String login(AlpAccount account) {
        Answer answer = post("/auth", "{\"api_key\":\"" + account.apiKey() + "\",\"api_secret\":\"" + account.apiSecret() + "\"}");
        if (answer.status() != 200) {
            throw new AssertionError("login failed: " + answer.body());
        }
        return answer.json().asText();
    }

    Answer send(String method, String path, Map<String, String> headers, String body) {
        return send(method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Any method, any headers, any body bytes (null: no body). */
    Answer send(String method, String path, Map<String, String> headers, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        try {
            return client.headers(h -> {
                        headers.forEach(h::set);
                        if (body != null) {
                            h.set("Content-Length", bytes.length);
                        }
                    })
                    .request(HttpMethod.valueOf(method))
                    .uri(base + path)
                    .send(body == null ? Mono.empty() : Mono.just(Unpooled.wrappedBuffer(bytes)))
                    .responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                            .map(text -> new Answer(response.status().code(), text, response.responseHeaders().copy())))
                    .block(Duration.ofSeconds(10));
        } catch (RuntimeException failure) {
            throw new AssertionError("request failed: " + method + " " + path, failure);
        }
    }
}
